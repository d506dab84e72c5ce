//! The calibration as one JSON object, format `ladderbook.calibration/1`,
//! for tools; documented field by field in docs/exports.md. Extended
//! compatibly only (new fields).

use crate::calibrate::calibration::Calibration;
use crate::report::envelope::render_json as envelope;

pub const CALIBRATION_FORMAT: &str = "ladderbook.calibration/1";

/// The report as pretty-printed JSON with a final newline.
pub fn render_json(report: &Calibration) -> String {
    envelope(CALIBRATION_FORMAT, &report.book, report)
}
