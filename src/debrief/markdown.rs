//! The debrief as GitHub-flavoured Markdown, to paste into a hiring doc,
//! through `report::markdown`, which escapes text from the files so it shows
//! as written.

use std::fmt::Write as _;

use crate::debrief::aggregate::Debrief;
use crate::debrief::text::{NOT_RATED, number, row_note, step_cell};
use crate::filled::pinning::VersionNotice;
use crate::report::count;
pub use crate::report::markdown::escape;
use crate::report::markdown::row;

/// The whole debrief as Markdown.
pub fn render_markdown(debrief: &Debrief) -> String {
    let mut out = String::new();
    let candidate = debrief
        .candidate
        .as_deref()
        .map_or("(no candidate named)".to_string(), escape);
    let _ = writeln!(out, "# Debrief: {candidate}\n");
    let _ = writeln!(
        out,
        "- **Loop:** {} (`{}`)",
        escape(&debrief.scorecard.title),
        debrief.scorecard.id
    );
    let _ = writeln!(
        out,
        "- **Ladder:** {}, version `{}`",
        escape(&debrief.book.title),
        debrief.book.version
    );
    let _ = writeln!(out, "- **Verdict:** {}", debrief.summary.verdict.text);
    for notice in &debrief.notices {
        out.push('\n');
        version_notice(&mut out, notice, &debrief.book.version);
    }
    out.push_str("\n## Ratings\n\n");
    ratings_table(&mut out, debrief);
    out.push_str("\n## Who said what\n");
    who_said_what(&mut out, debrief);
    out.push_str("\n## Summary\n\n");
    summary(&mut out, debrief);
    out
}

fn ratings_table(out: &mut String, debrief: &Debrief) {
    let mut header = vec!["Dimension".to_string()];
    header.extend(
        debrief
            .interviewers
            .iter()
            .map(|i| format!("{} ({})", escape(&i.name), i.interview.id)),
    );
    header.extend(["Mean", "Spread", "Note"].map(String::from));
    let mut align = vec!["---"; debrief.interviewers.len() + 1];
    align.extend(["--:", "--:", "---"]);
    row(out, &header);
    row(out, &align);
    for dimension in &debrief.dimensions {
        let mut cells = vec![escape(&dimension.name)];
        cells.extend(
            dimension
                .ratings
                .iter()
                .map(|r| step_cell(r.rating.as_ref())),
        );
        cells.push(number(dimension.mean));
        cells.push(
            dimension
                .spread
                .map_or(NOT_RATED.to_string(), |s| s.to_string()),
        );
        let note = row_note(dimension);
        cells.push(if dimension.disagreement {
            format!("**{note}**")
        } else {
            note
        });
        row(out, &cells);
    }
}

fn version_notice(out: &mut String, notice: &VersionNotice, current: &str) {
    let who = notice
        .interviewer
        .as_deref()
        .map(|name| format!(" ({})", escape(name)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "> **Note:** `{}`{who} was filled against version `{}` of the ladder; this book is version `{current}`.",
        notice.file.replace('`', "'"),
        notice.filled_version.replace('`', "'")
    );
    if notice.changed.is_empty() && notice.removed.is_empty() && notice.added.is_empty() {
        out.push_str("> The dimensions it rated are unchanged.\n");
        return;
    }
    out.push_str(">\n");
    for change in &notice.changed {
        let _ = write!(
            out,
            "> - **{}** changed since this scorecard was filled:",
            escape(&change.name)
        );
        for (what, text) in [("meets", &change.meets), ("exceeds", &change.exceeds)] {
            if let Some(text) = text {
                let _ = write!(
                    out,
                    " {what} was “{}”, now “{}”.",
                    escape(&text.was),
                    escape(&text.now)
                );
            }
        }
        out.push('\n');
    }
    for id in &notice.removed {
        let _ = writeln!(
            out,
            "> - **{}** was removed from the scorecard; its rating is left out.",
            escape(id)
        );
    }
    for added in &notice.added {
        let _ = writeln!(
            out,
            "> - **{}** was added; the interview focuses on it now, this file has no rating for it.",
            escape(&added.name)
        );
    }
}

fn who_said_what(out: &mut String, debrief: &Debrief) {
    for (i, interviewer) in debrief.interviewers.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n### {} — {}\n",
            escape(&interviewer.name),
            escape(&interviewer.interview.title)
        );
        let date = interviewer
            .date
            .as_deref()
            .map(|d| format!(", {}", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(out, "- **Interview:** `{}`{date}", interviewer.interview.id);
        let recommendation = interviewer
            .recommendation
            .as_ref()
            .map_or("none given".to_string(), |s| step_cell(Some(s)));
        let _ = writeln!(out, "- **Recommendation:** {recommendation}");
        if let Some(takeaways) = &interviewer.takeaways {
            out.push_str("- **Take-aways:**\n\n");
            for line in takeaways.lines() {
                let _ = writeln!(out, "  > {}", escape(line));
            }
        }
        let noted: Vec<_> = debrief
            .dimensions
            .iter()
            .filter_map(|d| Some((d, d.ratings[i].notes.as_ref()?)))
            .collect();
        if !noted.is_empty() {
            out.push_str("\n| Dimension | Rating | Notes |\n| --- | --- | --- |\n");
            for (dimension, notes) in noted {
                row(
                    out,
                    &[
                        escape(&dimension.name),
                        dimension.ratings[i]
                            .rating
                            .as_ref()
                            .map_or("not rated".to_string(), |s| step_cell(Some(s))),
                        escape(notes),
                    ],
                );
            }
        }
    }
}

fn summary(out: &mut String, debrief: &Debrief) {
    let summary = &debrief.summary;
    out.push_str("| Recommendation | Count |\n| --- | --: |\n");
    for tally in &summary.recommendations {
        row(out, &[escape(&tally.step.label), tally.count.to_string()]);
    }
    row(
        out,
        &[
            "none given".to_string(),
            summary.no_recommendation.to_string(),
        ],
    );
    out.push('\n');
    let _ = writeln!(out, "- **Interviews:** {}", summary.interviews);
    let _ = writeln!(
        out,
        "- **Mean recommendation:** {} (midpoint {:.1})",
        number(summary.mean_recommendation),
        summary.midpoint
    );
    let _ = writeln!(
        out,
        "- **Flagged dimensions:** {} with strong disagreement",
        count(summary.flagged_dimensions, "dimension")
    );
    let _ = writeln!(
        out,
        "- **Not covered by this loop:** {}",
        summary.not_covered
    );
    let _ = writeln!(out, "- **Verdict:** {}", summary.verdict.text);
}
