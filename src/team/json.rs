//! The team report as one JSON object, format `ladderbook.team/1`, for
//! tools; documented field by field in docs/exports.md. Extended
//! compatibly only (new fields).

use crate::report::envelope::render_json as envelope;
use crate::team::report::Team;

pub const TEAM_FORMAT: &str = "ladderbook.team/1";

/// The report as pretty-printed JSON with a final newline.
pub fn render_json(report: &Team) -> String {
    envelope(TEAM_FORMAT, &report.book, report)
}
