//! The calibration as GitHub-flavoured Markdown, for a hiring retro doc,
//! through `report::markdown` (every name from a file escaped).

use std::fmt::Write as _;

use crate::calibrate::calibration::Calibration;
use crate::calibrate::text::{
    DIMENSION_RIGHT, INTERVIEWER_HEADER, INTERVIEWER_RIGHT, dimension_cells, dimension_header,
    headline, interviewer_cells, missing_cell, notice_line,
};
use crate::report::markdown::{escape, header, row};

/// The whole report as Markdown.
pub fn render_markdown(report: &Calibration) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", headline(report));
    let _ = writeln!(
        out,
        "- **Ladder:** {}, version `{}`\n",
        escape(&report.book.title),
        report.book.version
    );
    out.push_str("## Findings\n\n");
    if report.findings.is_empty() {
        out.push_str("Nothing stands out.\n");
    }
    for finding in &report.findings {
        let _ = writeln!(out, "- {}", escape(&finding.text));
    }
    out.push_str("\n## Interviewers\n\n");
    header(&mut out, &INTERVIEWER_HEADER, &INTERVIEWER_RIGHT);
    for r in &report.interviewers {
        row(&mut out, &interviewer_cells(r).map(|c| escape(&c)));
    }
    for card in &report.scorecards {
        let _ = writeln!(
            out,
            "\n## {} (`{}`)\n\n{} loops, {} scorecards.\n\n### Interviews\n",
            escape(&card.title),
            card.id,
            card.loops,
            card.files
        );
        header(&mut out, &["Interview", "Loops"], &[]);
        for i in &card.interviews {
            let loops = missing_cell(i.held, card.loops, &i.missing_from);
            row(
                &mut out,
                &[format!("{} (`{}`)", escape(&i.title), i.id), escape(&loops)],
            );
        }
        out.push_str("\n### Dimensions\n\n");
        header(
            &mut out,
            &dimension_header(card).map(|c| escape(&c)),
            &DIMENSION_RIGHT,
        );
        for d in &card.dimensions {
            row(&mut out, &dimension_cells(d).map(|c| escape(&c)));
        }
        if !card.not_rated.is_empty() {
            out.push_str("\nExpected at the scorecard's levels, never rated in a loop:\n\n");
            for n in &card.not_rated {
                let why = if n.dimension {
                    "a dimension no interviewer rated"
                } else {
                    "not a dimension"
                };
                let _ = writeln!(out, "- {} (`{}`): {why}", escape(&n.name), n.competency);
            }
        }
    }
    if !report.notices.is_empty() {
        out.push_str("\n## Filled against another version of the ladder\n\n");
        for notice in &report.notices {
            let _ = writeln!(out, "- {}", escape(&notice_line(notice)));
        }
    }
    out
}
