//! `ladderbook pay --format markdown`: a heading and a table per zone.

use crate::report::markdown::{escape, header, row};

use super::money::plain;
use super::report::{PayReport, show_ratio};

pub fn render_markdown(report: &PayReport) -> String {
    let mut out = String::from("# Pay bands\n");
    for zone in &report.zones {
        out.push_str(&format!("\n## {}\n\n", escape(&zone.heading())));
        header(
            &mut out,
            &["Track", "Level", "Title", "Min", "Max", "Next min"],
            &[false, false, false, true, true, true],
        );
        for band in &zone.rows {
            row(
                &mut out,
                &[
                    escape(&band.track),
                    escape(band.code.as_deref().unwrap_or(&band.level)),
                    escape(&band.title),
                    band.min.map_or_else(|| "no band".into(), plain),
                    band.max.map_or_else(|| "—".into(), plain),
                    show_ratio(band.next_min_ratio),
                ],
            );
        }
    }
    out
}
