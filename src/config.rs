//! `book.toml` → [`Config`], with every default in one place.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::decode::{At, Decoder, Fields, did_you_mean};
use crate::diagnostics::Diagnostics;
use crate::node::{Key, Node, NodeKind, Pos};

pub const CONFIG_FILE: &str = "book.toml";

#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub book: BookSection,
    pub build: BuildSection,
    pub site: SiteSection,
    pub ladder: LadderSection,
    pub markdown: MarkdownSection,
    /// `[history]`: the releases the site's Changes section publishes
    /// (issue 17); `None` leaves the site as it was.
    #[serde(skip)]
    pub history: Option<HistorySection>,
    /// `[pay]`: whether pay bands are published (issue 27).
    pub pay: crate::pay::settings::PaySettings,
    /// `[lint]`: wording and pay checks turned off, words allowed (issue 27).
    pub lint: crate::wording::settings::LintSettings,
    /// `[organization]`: who hires, for job postings (issue 23).
    pub organization: Option<OrganizationSection>,
    /// `[strings]`: the book's own words for the interface (`crate::strings`).
    #[serde(skip)]
    pub strings: crate::strings::Strings,
}

#[derive(Debug, Clone, Serialize)]
pub struct BookSection {
    pub title: String,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub language: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BuildSection {
    pub content_dir: String,
    pub output_dir: String,
    /// Where `output-dir` is written in `book.toml`, for problems with the
    /// folder it names (`site::place`).
    #[serde(skip)]
    pub output_dir_pos: Option<Pos>,
    pub theme: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteSection {
    /// Always ends with `/` when set.
    pub base_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LadderSection {
    pub areas: Vec<At<String>>,
    /// How a level's expectations relate to the levels below (issue 21).
    pub expectations: ExpectationMode,
    /// The heading of the competencies written without an `area`.
    pub default_area: String,
    /// Level-wide aspects in display order (issue 25): each level's own
    /// `expectations:` are keyed by their slugs.
    pub aspects: Vec<At<String>>,
}

impl Default for LadderSection {
    fn default() -> Self {
        LadderSection {
            areas: Vec::new(),
            expectations: ExpectationMode::Replace,
            default_area: "General".into(),
            aspects: Vec::new(),
        }
    }
}

/// `[ladder] expectations`: whether a level's own entry replaces the lower
/// level's (format v1) or adds to everything below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpectationMode {
    /// A level's own entry replaces the one below; a level without one
    /// carries the nearest lower entry over.
    Replace,
    /// A level expects its own items plus every lower level's in its track.
    Cumulative,
}

/// `[history]`: which revisions of the book's repository are its releases.
/// Exactly one of `releases` and `tags` is set once decoded cleanly.
#[derive(Debug, Clone, Default)]
pub struct HistorySection {
    /// Revisions named one by one (tags, branches, commits), oldest first.
    pub releases: Vec<At<String>>,
    /// A tag pattern (`v*`): every matching tag, in version order.
    pub tags: Option<At<String>>,
    /// Where the section starts, for problems of the whole section.
    pub pos: Pos,
}

/// `[organization]`: the employer that roles' job postings name
/// (schema.org `hiringOrganization`), written once for every role.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrganizationSection {
    pub name: String,
    /// The organisation's own site (`sameAs`), an absolute http(s) URL.
    pub url: Option<String>,
    /// Its logo, an absolute http(s) URL.
    pub logo: Option<String>,
    /// Where `[organization]` is written, for problems about the section.
    #[serde(skip)]
    pub pos: Pos,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct MarkdownSection {
    pub allow_html: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            book: BookSection {
                title: String::new(),
                description: None,
                authors: Vec::new(),
                language: "en".into(),
            },
            build: BuildSection {
                content_dir: "content".into(),
                output_dir: "site".into(),
                output_dir_pos: None,
                theme: "default".into(),
            },
            site: SiteSection { base_url: None },
            ladder: LadderSection::default(),
            markdown: MarkdownSection::default(),
            history: None,
            pay: Default::default(),
            lint: Default::default(),
            organization: None,
            strings: crate::strings::Strings::new(),
        }
    }
}

impl Config {
    pub fn content_dir(&self, root: &Path) -> PathBuf {
        root.join(&self.build.content_dir)
    }

    pub fn output_dir(&self, root: &Path) -> PathBuf {
        root.join(&self.build.output_dir)
    }
}

/// The theme `book.toml` names, read ahead of the book so its templates can
/// be parsed while the content loads; `None` when the file cannot be read
/// (loading the book reports why).
pub fn theme_of(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    Some(parse_config(&text, &mut Diagnostics::default()).build.theme)
}

/// Reads `book.toml` text; problems go to `diagnostics`, defaults fill gaps.
pub fn parse_config(text: &str, diagnostics: &mut Diagnostics) -> Config {
    let mut decoder = Decoder {
        file: CONFIG_FILE,
        diagnostics,
    };
    let node = match crate::toml_tree::parse(text) {
        Ok(node) => node,
        Err(err) => {
            decoder
                .error(
                    "toml-syntax",
                    err.pos,
                    format!("book.toml is not valid TOML: {}", err.message),
                )
                .help = Some("see the TOML syntax at toml.io; strings need double quotes".into());
            return Config::default();
        }
    };
    decode_config(&node, &mut decoder)
}

/// The sections of `book.toml`. `schema.rs` describes the same keys for
/// editors, and its tests check that the lists never drift apart.
pub const SECTIONS: [&str; 10] = [
    "book",
    "build",
    "site",
    "ladder",
    "markdown",
    "history",
    "pay",
    "lint",
    "organization",
    "strings",
];

/// The keys of `[book]`.
pub const BOOK_KEYS: &[&str] = &["title", "description", "authors", "language"];
/// The keys of `[build]`.
pub const BUILD_KEYS: &[&str] = &["content-dir", "output-dir", "theme"];
/// The keys of `[site]`.
pub const SITE_KEYS: &[&str] = &["base-url"];
/// The keys of `[ladder]`.
pub const LADDER_KEYS: &[&str] = &["areas", "expectations", "default-area", "aspects"];
/// The keys of `[markdown]`.
pub const MARKDOWN_KEYS: &[&str] = &["allow-html"];
/// The keys of `[history]`.
pub const HISTORY_KEYS: &[&str] = &["releases", "tags"];
/// The keys of `[organization]`.
pub const ORGANIZATION_KEYS: &[&str] = &["name", "url", "logo"];

fn decode_config(node: &Node, decoder: &mut Decoder) -> Config {
    let mut config = Config::default();
    let Some(mut top) = decoder.fields(node, "book.toml") else {
        return config;
    };
    match top.get("book") {
        Some(section) => decode_book(section, decoder, &mut config.book),
        None => {
            decoder
                .error(
                    "missing-field",
                    Pos::new(1, 1),
                    "book.toml has no [book] section",
                )
                .help = Some("add `[book]` with a `title = \"...\"` line".into());
        }
    }
    if let Some(section) = top.get("build") {
        decode_build(section, decoder, &mut config.build);
    }
    if let Some(section) = top.get("site") {
        decode_site(section, decoder, &mut config.site);
    }
    if let Some(section) = top.get("ladder") {
        decode_ladder(section, decoder, &mut config.ladder);
    }
    if let Some(section) = top.get("markdown")
        && let Some(mut fields) = decoder.fields(section, "[markdown]")
    {
        if let Some(flag) = fields.get("allow-html") {
            config.markdown.allow_html =
                decoder.boolean(flag, "allow-html").is_some_and(|b| b.value);
        }
        fields.finish(decoder, MARKDOWN_KEYS, "[markdown]");
    }
    if let Some(section) = top.get("history") {
        config.history = crate::history::releases::decode_history(section, decoder);
    }
    if let Some(section) = top.get("pay") {
        config.pay = crate::pay::settings::decode_pay_settings(section, decoder);
    }
    if let Some(section) = top.get("lint") {
        config.lint = crate::wording::settings::decode_lint_settings(section, decoder);
    }
    if let Some(section) = top.get("organization") {
        config.organization = decode_organization(section, decoder);
    }
    if let Some(section) = top.get("strings") {
        config.strings = crate::strings::decode_strings(section, decoder, "[strings]");
    }
    report_unknown_sections(top, decoder);
    config
}

fn decode_ladder(section: &Node, decoder: &mut Decoder, ladder: &mut LadderSection) {
    let Some(mut fields) = decoder.fields(section, "[ladder]") else {
        return;
    };
    if let Some(areas) = fields.get("areas") {
        ladder.areas = decoder.text_list(areas, "areas", false).unwrap_or_default();
    }
    if let Some(node) = fields.get("expectations")
        && let Some(mode) = decoder.text(node, "expectations")
    {
        match mode.value.as_str() {
            "replace" => ladder.expectations = ExpectationMode::Replace,
            "cumulative" => ladder.expectations = ExpectationMode::Cumulative,
            other => {
                decoder
                    .error(
                        "wrong-type",
                        mode.pos,
                        format!("`expectations` must be \"replace\" or \"cumulative\", found `{other}`"),
                    )
                    .help = Some(
                    "\"replace\": a level's own entry replaces the one below (the default); \"cumulative\": a level expects its own items and every lower level's"
                        .into(),
                );
            }
        }
    }
    if let Some(node) = fields.get("default-area")
        && let Some(name) = decoder.text(node, "default-area")
    {
        if name.value.trim().is_empty() {
            decoder
                .error("empty-field", name.pos, "`default-area` is empty")
                .help = Some(
                "name the group of competencies that have no `area`, or remove the line".into(),
            );
        } else {
            ladder.default_area = name.value;
        }
    }
    if let Some(aspects) = fields.get("aspects") {
        ladder.aspects = decode_aspects(aspects, decoder);
    }
    fields.finish(decoder, LADDER_KEYS, "[ladder]");
}

/// `[ladder] aspects`: names whose slugs are the keys of a level's
/// `expectations:`; an empty name or two names with one slug are refused.
fn decode_aspects(node: &Node, decoder: &mut Decoder) -> Vec<At<String>> {
    let names = decoder
        .text_list(node, "aspects", false)
        .unwrap_or_default();
    let mut kept: Vec<At<String>> = Vec::new();
    for name in names {
        let slug = aspect_id(&name.value);
        if slug.is_empty() {
            decoder
                .error("empty-field", name.pos, "an aspect needs a name")
                .help = Some("name it, for example `\"Scope\"`, or remove it".into());
        } else if let Some(first) = kept.iter().find(|k| aspect_id(&k.value) == slug) {
            decoder
                .error(
                    "duplicate-id",
                    name.pos,
                    format!(
                        "the aspects `{}` and `{}` both have the id `{slug}`",
                        first.value, name.value
                    ),
                )
                .help = Some("give each aspect a name of its own".into());
        } else {
            kept.push(name);
        }
    }
    kept
}

/// The id of a level-wide aspect: its name slugged (`collaborative-reach`).
pub fn aspect_id(name: &str) -> String {
    crate::markdown::slugify(name)
}

/// The keys of each section, to place a key written outside of one.
pub const SECTION_KEYS: &[(&str, &[&str])] = &[
    ("book", BOOK_KEYS),
    ("build", BUILD_KEYS),
    ("site", SITE_KEYS),
    ("ladder", LADDER_KEYS),
    ("markdown", MARKDOWN_KEYS),
    ("history", HISTORY_KEYS),
    ("pay", crate::pay::settings::PAY_SECTION_KEYS),
    ("lint", crate::wording::settings::LINT_KEYS),
    ("organization", ORGANIZATION_KEYS),
    ("strings", crate::strings::STRING_KEYS),
];

/// Top-level keys are sections; a plain key there was meant for one of them.
fn report_unknown_sections(top: Fields, decoder: &mut Decoder) {
    let unknown: Vec<&(Key, Node)> = top.unused().collect();
    for (key, value) in unknown {
        if matches!(value.kind, NodeKind::Map(_)) {
            decoder
                .error(
                    "unknown-field",
                    key.pos,
                    format!("unknown section `[{}]` in book.toml", key.name),
                )
                .help = Some(match did_you_mean(&key.name, &SECTIONS) {
                Some(close) => format!("did you mean `[{close}]`?"),
                None => format!(
                    "the sections are: {}",
                    SECTIONS.map(|s| format!("[{s}]")).join(", ")
                ),
            });
        } else {
            let home = SECTION_KEYS
                .iter()
                .find(|(_, keys)| keys.contains(&key.name.as_str()))
                .map(|(section, _)| *section);
            decoder
                .error(
                    "unknown-field",
                    key.pos,
                    format!("`{}` is outside of any section of book.toml", key.name),
                )
                .help = Some(match home {
                Some(section) => format!("move it below the `[{section}]` line"),
                None => "every setting belongs below a section line such as `[book]`".into(),
            });
        }
    }
}

fn decode_book(section: &Node, decoder: &mut Decoder, book: &mut BookSection) {
    let Some(mut fields) = decoder.fields(section, "[book]") else {
        return;
    };
    if let Some(title) = fields.require("title", "[book]")
        && let Some(title) = decoder.text(title, "title")
    {
        if title.value.trim().is_empty() {
            decoder.error("empty-field", title.pos, "the book's `title` is empty");
        }
        book.title = title.value;
    }
    if let Some(description) = fields.get("description") {
        book.description = decoder.text(description, "description").map(|d| d.value);
    }
    if let Some(authors) = fields.get("authors") {
        book.authors = decoder
            .text_list(authors, "authors", true)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.value)
            .collect();
    }
    if let Some(language) = fields.get("language")
        && let Some(language) = decoder.text(language, "language")
    {
        book.language = language.value;
    }
    fields.finish(decoder, BOOK_KEYS, "[book]");
}

fn decode_build(section: &Node, decoder: &mut Decoder, build: &mut BuildSection) {
    let Some(mut fields) = decoder.fields(section, "[build]") else {
        return;
    };
    for (name, slot) in [
        ("content-dir", &mut build.content_dir),
        ("output-dir", &mut build.output_dir),
        ("theme", &mut build.theme),
    ] {
        if let Some(value) = fields.get(name)
            && let Some(value) = decoder.text(value, name)
        {
            if let Some(problem) = relative_path_problem(&value.value) {
                decoder
                    .error("unsafe-path", value.pos, format!("`{name}` {problem}"))
                    .help = Some("use a folder name relative to the book root, e.g. `site`".into());
            } else {
                if name == "output-dir" {
                    build.output_dir_pos = Some(value.pos);
                }
                *slot = value.value;
            }
        }
    }
    fields.finish(decoder, BUILD_KEYS, "[build]");
}

fn decode_site(section: &Node, decoder: &mut Decoder, site: &mut SiteSection) {
    let Some(mut fields) = decoder.fields(section, "[site]") else {
        return;
    };
    if let Some(url) = fields.get("base-url")
        && let Some(url) = decoder.text(url, "base-url")
    {
        let unsafe_char = url
            .value
            .chars()
            .find(|&c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c));
        if let Some(c) = unsafe_char {
            // It is written into every link of the 404 page as it is.
            decoder
                .error(
                    "invalid-url",
                    url.pos,
                    format!("`base-url` holds {c:?}, which cannot appear in a URL"),
                )
                .help = Some("percent-encode it (a space is `%20`, `\"` is `%22`)".into());
        } else if url.value.starts_with("https://") || url.value.starts_with("http://") {
            let mut base = url.value;
            if !base.ends_with('/') {
                base.push('/');
            }
            site.base_url = Some(base);
        } else {
            decoder
                .error(
                    "invalid-url",
                    url.pos,
                    "`base-url` must be an absolute http(s) URL",
                )
                .help = Some("for example `base-url = \"https://example.org/ladder/\"`".into());
        }
    }
    fields.finish(decoder, SITE_KEYS, "[site]");
}

fn decode_organization(section: &Node, decoder: &mut Decoder) -> Option<OrganizationSection> {
    let mut fields = decoder.fields(section, "[organization]")?;
    let name = fields
        .require("name", "[organization]")
        .and_then(|node| decoder.text(node, "name"));
    let mut url_field = |fields: &mut Fields, key: &str| {
        let value = decoder.text(fields.get(key)?, key)?;
        match absolute_url_problem(&value.value) {
            None => Some(value.value),
            Some(problem) => {
                decoder
                    .error("invalid-url", value.pos, format!("`{key}` {problem}"))
                    .help = Some(format!(
                    "for example `{key} = \"https://example.org/{}\"`",
                    if key == "logo" { "logo.png" } else { "" }
                ));
                None
            }
        }
    };
    let url = url_field(&mut fields, "url");
    let logo = url_field(&mut fields, "logo");
    fields.finish(decoder, ORGANIZATION_KEYS, "[organization]");
    let name = name?;
    if name.value.trim().is_empty() {
        decoder.error(
            "empty-field",
            name.pos,
            "the organization's `name` is empty",
        );
        return None;
    }
    Some(OrganizationSection {
        name: name.value,
        url,
        logo,
        pos: section.pos,
    })
}

/// Why `url` is not an absolute http(s) URL that can stand in a page as
/// written, if it is not.
pub fn absolute_url_problem(url: &str) -> Option<String> {
    if let Some(c) = url
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c))
    {
        return Some(format!("holds {c:?}, which cannot appear in a URL"));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => None,
        _ => Some("must be an absolute http(s) URL".into()),
    }
}

/// Why a configured folder could escape the book root, if it could.
fn relative_path_problem(path: &str) -> Option<&'static str> {
    let candidate = Path::new(path);
    if path.trim().is_empty() {
        Some("is empty")
    } else if candidate.is_absolute()
        || path.starts_with('/')
        || path.starts_with('\\')
        || path.contains(':')
    {
        Some("must be a relative path")
    } else if candidate
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
        || path.split(['/', '\\']).any(|part| part == "..")
    {
        Some("must stay inside the book folder (no `..`)")
    } else if path.trim_matches(['.', '/', '\\']).is_empty() {
        Some("must name a folder inside the book, not the book root itself")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let config = parse_config(text, &mut diagnostics);
        (
            config,
            diagnostics.sorted().iter().map(|d| d.one_line()).collect(),
        )
    }

    #[test]
    fn defaults_fill_what_is_not_written() {
        let (config, problems) = parse("[book]\ntitle = \"Ladder\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.build.output_dir, "site");
        assert_eq!(config.book.language, "en");
        assert!(!config.markdown.allow_html);
    }

    #[test]
    fn aspects_need_a_name_and_one_id_each() {
        let (config, problems) = parse(
            "[book]\ntitle = \"L\"\n[ladder]\naspects = [\"Impact levers\", \"impact  Levers\", \"\", \"Scope\"]\n",
        );
        let kept: Vec<&str> = config
            .ladder
            .aspects
            .iter()
            .map(|a| a.value.as_str())
            .collect();
        assert_eq!(kept, ["Impact levers", "Scope"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("error[duplicate-id]"), "{problems:?}");
        assert!(problems[0].contains("`impact-levers`"), "{problems:?}");
        assert!(problems[1].contains("error[empty-field]"), "{problems:?}");
        assert_eq!(aspect_id("Collaborative reach"), "collaborative-reach");
    }

    #[test]
    fn unknown_keys_get_a_hint() {
        let (_, problems) = parse("[book]\ntitle = \"L\"\n[build]\noutput_dir = \"x\"\n");
        assert_eq!(
            problems,
            vec!["book.toml:4:1: error[unknown-field]: unknown field `output_dir` in [build]"]
        );
    }

    #[test]
    fn unknown_sections_and_stray_keys_are_named_as_such() {
        let (_, problems) = parse("title = \"L\"\n[book]\ntitle = \"L\"\n[buld]\n");
        assert_eq!(
            problems,
            vec![
                "book.toml:1:1: error[unknown-field]: `title` is outside of any section of book.toml",
                "book.toml:4:2: error[unknown-field]: unknown section `[buld]` in book.toml",
            ]
        );
    }

    #[test]
    fn output_dir_cannot_escape_the_book() {
        for bad in ["../x", "/tmp/x", ".", "a/../../b", "C:\\x"] {
            let (config, problems) = parse(&format!(
                "[book]\ntitle = \"L\"\n[build]\noutput-dir = '{bad}'\n"
            ));
            assert_eq!(config.build.output_dir, "site", "{bad}");
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        }
    }

    #[test]
    fn base_url_cannot_break_out_of_an_attribute() {
        for bad in [
            r#"https://x.org/"><script>alert(1)</script>"#,
            "https://x.org/a b",
            "https://x.org/<x>",
        ] {
            let (config, problems) = parse(&format!(
                "[book]\ntitle = \"L\"\n[site]\nbase-url = '{bad}'\n"
            ));
            assert_eq!(config.site.base_url, None, "{bad}");
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        }
        let (config, problems) =
            parse("[book]\ntitle = \"L\"\n[site]\nbase-url = 'https://x.org/a%20b/?q=1&r=2'\n");
        assert_eq!(
            config.site.base_url.as_deref(),
            Some("https://x.org/a%20b/?q=1&r=2/")
        );
        assert!(problems.is_empty(), "{problems:?}");
    }
}
