//! `ladderbook pay --format text`: one aligned table per zone.

use crate::report::terminal::{clean, table};

use super::money::plain;
use super::report::{PayReport, show_ratio};

pub fn render_text(report: &PayReport) -> String {
    let mut out = String::new();
    for zone in &report.zones {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&clean(&zone.heading()));
        out.push_str("\n\n");
        let mut rows = vec![
            ["track", "level", "title", "min", "max", "next min"]
                .map(String::from)
                .to_vec(),
        ];
        for row in &zone.rows {
            rows.push(vec![
                clean(&row.track),
                clean(row.code.as_deref().unwrap_or(&row.level)),
                clean(&row.title),
                row.min.map_or_else(|| "no band".into(), plain),
                row.max.map_or_else(|| "—".into(), plain),
                show_ratio(row.next_min_ratio),
            ]);
        }
        out.push_str(&table(&rows, 1, &[false, false, false, true, true, true]));
    }
    out
}
