//! The debrief as aligned plain-text tables for a terminal (no colour).
//!
//! Text from the files is cleaned of control characters, so a scorecard
//! cannot move the cursor or recolour the terminal of whoever reads it.

use std::fmt::Write as _;

use crate::debrief::aggregate::{Debrief, DimensionRow, Step, count};
use crate::debrief::pinning::VersionNotice;

/// Shown where an interviewer gave no rating.
pub const NOT_RATED: &str = "—";

/// The whole debrief as text.
pub fn render_text(debrief: &Debrief) -> String {
    let mut out = String::new();
    header(&mut out, debrief);
    for notice in &debrief.notices {
        out.push('\n');
        version_notice(&mut out, notice, &debrief.book.version);
    }
    out.push_str("\nRatings\n");
    out.push_str(&ratings_table(debrief));
    out.push_str("\nWho said what\n");
    who_said_what(&mut out, debrief);
    out.push_str("\nSummary\n");
    summary(&mut out, debrief);
    out
}

fn header(out: &mut String, debrief: &Debrief) {
    let candidate = debrief
        .candidate
        .as_deref()
        .unwrap_or("(no candidate named)");
    let _ = writeln!(out, "Debrief for {}", clean(candidate));
    let _ = writeln!(
        out,
        "Loop:   {} ({})",
        debrief.scorecard.title, debrief.scorecard.id
    );
    let _ = writeln!(
        out,
        "Ladder: {}, version {}",
        debrief.book.title, debrief.book.version
    );
}

/// "Yes (3)": a rating's label and value.
pub fn step_cell(step: Option<&Step>) -> String {
    step.map_or(NOT_RATED.to_string(), |s| {
        format!("{} ({})", s.label, s.value)
    })
}

/// What the Note column says about a dimension.
pub fn row_note(row: &DimensionRow) -> String {
    let mut notes = Vec::new();
    if row.disagreement {
        notes.push(format!(
            "strong disagreement ({} steps apart)",
            row.spread.unwrap_or_default()
        ));
    }
    if !row.covered {
        notes.push("not covered by this loop".to_string());
    }
    if !row.focused {
        notes.push("no interview focuses on it".to_string());
    }
    notes.join("; ")
}

/// "2.7" or the not-rated mark.
pub fn number(value: Option<f64>) -> String {
    value.map_or(NOT_RATED.to_string(), |v| format!("{v:.1}"))
}

fn ratings_table(debrief: &Debrief) -> String {
    let mut names = vec!["Dimension".to_string()];
    let mut interviews = vec![String::new()];
    for interviewer in &debrief.interviewers {
        names.push(clean(&interviewer.name));
        interviews.push(interviewer.interview.id.clone());
    }
    names.extend(["Mean", "Spread", "Note"].map(String::from));
    interviews.extend([String::new(), String::new(), String::new()]);
    let rows = debrief.dimensions.iter().map(|row| {
        let mut cells = vec![row.name.clone()];
        cells.extend(row.ratings.iter().map(|r| step_cell(r.rating.as_ref())));
        cells.push(number(row.mean));
        cells.push(row.spread.map_or(NOT_RATED.to_string(), |s| s.to_string()));
        cells.push(row_note(row));
        cells
    });
    let right: Vec<bool> = (0..names.len())
        .map(|i| i + 3 == names.len() || i + 2 == names.len())
        .collect();
    let mut all = vec![names, interviews];
    all.extend(rows);
    table(&all, 2, &right)
}

/// Aligns `rows` (the first `header_rows` of them headers, each column
/// underlined) into columns two spaces apart; `right` marks right-aligned
/// columns. Widths count characters, so `—` is one column wide.
pub fn table(rows: &[Vec<String>], header_rows: usize, right: &[bool]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut lines = Vec::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.chars().count());
            if c > 0 {
                line.push_str("  ");
            }
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        lines.push(line.trim_end().to_string());
    }
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    lines.insert(header_rows.min(lines.len()), rule.join("  "));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn version_notice(out: &mut String, notice: &VersionNotice, current: &str) {
    let who = notice
        .interviewer
        .as_deref()
        .map(|name| format!(" ({})", clean(name)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Notice: {}{who} was filled against version {} of the ladder; this book is version {current}.",
        notice.file,
        clean(&notice.filled_version)
    );
    if notice.changed.is_empty() && notice.removed.is_empty() && notice.added.is_empty() {
        out.push_str("  The dimensions it rated are unchanged.\n");
        return;
    }
    for change in &notice.changed {
        let _ = writeln!(
            out,
            "  {}: changed since this scorecard was filled",
            change.name
        );
        for (what, text) in [("meets", &change.meets), ("exceeds", &change.exceeds)] {
            if let Some(text) = text {
                let _ = writeln!(out, "    {what} was: {}", clean(&text.was));
                let _ = writeln!(out, "    {what} now: {}", text.now);
            }
        }
    }
    for id in &notice.removed {
        let _ = writeln!(
            out,
            "  {}: removed from the scorecard; its rating is left out",
            clean(id)
        );
    }
    for added in &notice.added {
        let _ = writeln!(
            out,
            "  {}: added; the interview focuses on it now, this file has no rating for it",
            added.name
        );
    }
}

fn who_said_what(out: &mut String, debrief: &Debrief) {
    for (i, interviewer) in debrief.interviewers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let date = interviewer
            .date
            .as_deref()
            .map(|d| format!(", {}", clean(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} — {} ({}){date}",
            clean(&interviewer.name),
            interviewer.interview.title,
            interviewer.interview.id
        );
        let recommendation = interviewer
            .recommendation
            .as_ref()
            .map_or("none given".to_string(), |s| step_cell(Some(s)));
        let _ = writeln!(out, "  Recommendation: {recommendation}");
        if let Some(takeaways) = &interviewer.takeaways {
            let _ = writeln!(out, "  Take-aways: {}", indented(takeaways, "    "));
        }
        for row in &debrief.dimensions {
            let rating = &row.ratings[i];
            if let Some(notes) = &rating.notes {
                let step = rating
                    .rating
                    .as_ref()
                    .map_or("not rated".to_string(), |s| step_cell(Some(s)));
                let _ = writeln!(out, "  {}, {step}: {}", row.name, indented(notes, "    "));
            }
        }
    }
}

fn summary(out: &mut String, debrief: &Debrief) {
    let summary = &debrief.summary;
    let mut tally: Vec<String> = summary
        .recommendations
        .iter()
        .map(|t| format!("{} {}", t.step.label, t.count))
        .collect();
    tally.push(format!("none {}", summary.no_recommendation));
    let not_covered: Vec<&str> = debrief
        .dimensions
        .iter()
        .filter(|r| !r.covered)
        .map(|r| r.name.as_str())
        .collect();
    let not_covered = match not_covered.as_slice() {
        [] => "0".to_string(),
        names => format!("{} ({})", names.len(), names.join(", ")),
    };
    let rows = [
        ("Interviews", summary.interviews.to_string()),
        ("Recommendations", tally.join(" · ")),
        (
            "Mean recommendation",
            format!(
                "{} (midpoint {:.1})",
                number(summary.mean_recommendation),
                summary.midpoint
            ),
        ),
        (
            "Flagged dimensions",
            format!(
                "{} with strong disagreement",
                count(summary.flagged_dimensions, "dimension")
            ),
        ),
        ("Not covered", not_covered),
        ("Verdict", summary.verdict.text.clone()),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "  {:<21}{value}", format!("{label}:"));
    }
}

/// Multi-line text with its continuation lines indented.
fn indented(text: &str, indent: &str) -> String {
    clean(text).replace('\n', &format!("\n{indent}"))
}

/// Text from a file without control characters (newlines kept).
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn tables_align_by_characters_and_trim_line_ends() {
        let out = table(
            &cells(&[
                &["Dimension", "Ann", "Mean"],
                &["SLOs", "—", "3.5"],
                &["Incidents", "Yes (3)", "10.0"],
            ]),
            1,
            &[false, false, true],
        );
        assert_eq!(
            out,
            "Dimension  Ann      Mean\n\
             ---------  -------  ----\n\
             SLOs       —         3.5\n\
             Incidents  Yes (3)  10.0\n"
        );
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(clean("a\u{1b}[31mb\tc\nd"), "a\u{fffd}[31mb c\nd");
    }
}
