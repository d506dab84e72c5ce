//! Fuzz target (a): one content file through front matter splitting, the
//! YAML reader and the decoder of its kind; `book.toml` through the TOML
//! reader. The first byte picks the kind (see `KINDS`), the rest is the text.
//! No input may panic, hang or exhaust memory: problems are diagnostics.

#![no_main]

use libfuzzer_sys::fuzz_target;

use ladderbook::content::raw::parse_sources;
use ladderbook::content::source::{Kind, SourceFile, split_front_matter};
use ladderbook::diagnostics::Diagnostics;

/// The file each selector byte stands for (`None`: book.toml).
const KINDS: [(Option<Kind>, &str); 9] = [
    (Some(Kind::Index), "content/index.md"),
    (Some(Kind::Tracks), "content/tracks.yaml"),
    (Some(Kind::Level), "content/levels/fuzz.md"),
    (Some(Kind::Competency), "content/competencies/fuzz.yaml"),
    (Some(Kind::Competency), "content/competencies/fuzz.md"),
    (Some(Kind::Archetype), "content/archetypes/fuzz.md"),
    (Some(Kind::Scorecard), "content/scorecards/fuzz.yaml"),
    (Some(Kind::Page), "content/pages/fuzz.md"),
    (None, "book.toml"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (kind, file) = KINDS[usize::from(selector) % KINDS.len()];
    let mut diagnostics = Diagnostics::default();
    let Some(kind) = kind else {
        ladderbook::config::parse_config(text, &mut diagnostics);
        return;
    };
    if let Ok(split) = split_front_matter(text) {
        if let Some(yaml) = split.yaml {
            let _ = ladderbook::yaml::parse(yaml);
        }
    }
    let _ = ladderbook::yaml::parse(text);
    let source = SourceFile {
        kind,
        file: file.to_string(),
        stem: "fuzz".to_string(),
        text: text.to_string(),
    };
    parse_sources(vec![source], &mut diagnostics);
});
