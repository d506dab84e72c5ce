//! The report as one JSON object, format `ladderbook.diff/1`, for tools.
//! Extended compatibly only (new fields). The fields are documented in
//! docs/exports.md ("`ladderbook diff --format json`").

use serde::Serialize;

use crate::history::diff::Diff;

pub const DIFF_FORMAT: &str = "ladderbook.diff/1";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    changed: bool,
    #[serde(flatten)]
    diff: &'a Diff,
}

/// The report as pretty-printed JSON with a final newline.
pub fn render_json(diff: &Diff) -> String {
    let document = Document {
        format: DIFF_FORMAT,
        changed: diff.has_changes(),
        diff,
    };
    let mut text = serde_json::to_string_pretty(&document).expect("a diff has only string keys");
    text.push('\n');
    text
}
