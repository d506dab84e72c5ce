//! `[lint]` of book.toml: the checks a team turns off and the words it
//! allows everywhere (one place is allowed with a comment; see `allowed`).

use serde::Serialize;

use crate::decode::{At, Decoder, did_you_mean};
use crate::node::Node;

/// The keys of `[lint]`.
pub const LINT_KEYS: &[&str] = &["off", "allow"];

/// The warnings `[lint] off` may turn off: the wording checks and the pay
/// checks of issue 27. Errors cannot be turned off.
pub const LINT_CODES: &[&str] = &[
    "gendered-word",
    "coded-word",
    "trait-not-behaviour",
    "missing-band",
    "band-order",
    "band-gap",
    "band-overlap",
    "unequal-pay",
    "salary-outside-band",
    "posting-without-range",
];

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LintSettings {
    /// Codes turned off (each one of [`LINT_CODES`]).
    pub off: Vec<String>,
    /// Words and phrases allowed everywhere, in lower case, as written in a
    /// list (`aggress*`) or as found (`aggressive`).
    pub allow: Vec<String>,
}

impl LintSettings {
    pub fn is_off(&self, code: &str) -> bool {
        self.off.iter().any(|off| off == code)
    }

    pub fn allows(&self, written: &str, found: &str) -> bool {
        let found = found.to_lowercase();
        let written = written.to_lowercase();
        self.allow
            .iter()
            .any(|word| *word == found || *word == written)
    }
}

pub fn decode_lint_settings(section: &Node, decoder: &mut Decoder) -> LintSettings {
    let mut settings = LintSettings::default();
    let Some(mut fields) = decoder.fields(section, "[lint]") else {
        return settings;
    };
    if let Some(node) = fields.get("off") {
        let codes = decoder.text_list(node, "off", true).unwrap_or_default();
        settings.off = codes
            .into_iter()
            .filter_map(|code| known_code(code, decoder))
            .collect();
    }
    if let Some(node) = fields.get("allow") {
        settings.allow = decoder
            .text_list(node, "allow", true)
            .unwrap_or_default()
            .into_iter()
            .map(|word| word.value.trim().to_lowercase())
            .collect();
    }
    fields.finish(decoder, LINT_KEYS, "[lint]");
    settings
}

fn known_code(code: At<String>, decoder: &mut Decoder) -> Option<String> {
    if LINT_CODES.contains(&code.value.as_str()) {
        return Some(code.value);
    }
    let help = match did_you_mean(&code.value, LINT_CODES) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!(
            "the codes `[lint] off` takes are: {}",
            LINT_CODES.join(", ")
        ),
    };
    decoder
        .error(
            "unknown-reference",
            code.pos,
            format!("`{}` is not a check `[lint] off` can turn off", code.value),
        )
        .help = Some(help);
    None
}
