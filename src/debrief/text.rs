//! The debrief as aligned plain-text tables for a terminal (no colour),
//! through `report::terminal`, which cleans text from the files of control
//! characters.

use std::fmt::Write as _;

use crate::debrief::aggregate::{Debrief, DimensionRow, Step};
use crate::filled::pinning::VersionNotice;
use crate::report::count;
pub use crate::report::terminal::clean;
use crate::report::terminal::table;

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
