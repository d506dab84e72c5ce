//! `[pay]` of book.toml: whether the bands are published, and what the
//! steps between bands may look like.

use serde::Serialize;

use crate::decode::Decoder;
use crate::node::Node;

/// The keys of `[pay]`.
pub const PAY_SECTION_KEYS: &[&str] = &["publish", "allow-gaps", "allow-overlaps"];

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PaySettings {
    /// Show the bands on the site and in its exports (default: kept out).
    pub publish: bool,
    /// A level's band may start above the top of the band below it.
    pub allow_gaps: bool,
    /// A level's band may start below the top of the band below it (most
    /// pay structures overlap, so this is the default).
    pub allow_overlaps: bool,
}

impl Default for PaySettings {
    fn default() -> Self {
        PaySettings {
            publish: false,
            allow_gaps: false,
            allow_overlaps: true,
        }
    }
}

/// Decodes `[pay]`; unknown keys are errors with a "did you mean".
pub fn decode_pay_settings(section: &Node, decoder: &mut Decoder) -> PaySettings {
    let mut settings = PaySettings::default();
    let Some(mut fields) = decoder.fields(section, "[pay]") else {
        return settings;
    };
    for (name, slot) in [
        ("publish", &mut settings.publish),
        ("allow-gaps", &mut settings.allow_gaps),
        ("allow-overlaps", &mut settings.allow_overlaps),
    ] {
        if let Some(node) = fields.get(name)
            && let Some(flag) = decoder.boolean(node, name)
        {
            *slot = flag.value;
        }
    }
    fields.finish(decoder, PAY_SECTION_KEYS, "[pay]");
    settings
}
