//! The report for a terminal: sections of ladder items, then "what changes
//! for each level", then emphasis, scorecard bars and guides; coloured
//! through [`Paint`] (green added, red removed, yellow changed).
//!
//! Text from the books is cleaned of control characters, so a ladder cannot
//! move the cursor or recolour the terminal of whoever reviews it.

use std::fmt::Write as _;

use crate::debrief::text::clean;
use crate::history::by_level::{CompetencyGroup, by_level};
use crate::history::diff::{
    CarryOverNow, CellStatus, Change, Diff, Direction, EmphasisChange, ExampleChange, GuideChange,
    ItemChange, Move,
};
use crate::history::paint::Paint;
use crate::history::words::{WordOp, Words};

/// The whole report as text.
pub fn render_text(diff: &Diff, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.heading(&format!(
            "Ladder changes: {} → {}",
            clean(&diff.old.label),
            clean(&diff.new.label)
        ))
    );
    let _ = writeln!(
        out,
        "{}",
        paint.quiet(&format!(
            "version {} → {}",
            diff.old.version, diff.new.version
        ))
    );
    if !diff.has_changes() {
        out.push_str("\nNo changes to the ladder.\n");
        return out;
    }
    for (title, items) in item_sections(diff) {
        if !items.is_empty() {
            let _ = writeln!(out, "\n{}", paint.heading(title));
            for item in items {
                item_line(&mut out, item, paint);
            }
        }
    }
    levels(&mut out, diff, paint);
    emphasis(&mut out, &diff.emphasis, paint);
    dimensions(&mut out, diff, paint);
    guides(&mut out, &diff.guides, paint);
    let _ = writeln!(out, "\n{}", count(diff.change_count(), "change"));
    out
}

/// The item lists with their headings, in report order.
pub fn item_sections(diff: &Diff) -> [(&'static str, &[ItemChange]); 6] {
    [
        ("Tracks", &diff.tracks),
        ("Levels", &diff.levels),
        ("Competencies", &diff.competencies),
        ("Archetypes", &diff.archetypes),
        ("Scorecards", &diff.scorecards),
        ("Interviews", &diff.interviews),
    ]
}

/// What happened to an item, in words: "added", "renamed from “Old”; also
/// changed: summary", "changed: rank, body".
pub fn item_note(item: &ItemChange) -> String {
    let fields = item.fields.join(", ");
    match (item.change, &item.old_title) {
        (Change::Added, _) => "added".into(),
        (Change::Removed, _) => "removed".into(),
        (Change::Renamed, Some(old)) if fields.is_empty() => {
            format!("renamed from “{}”", clean(old))
        }
        (Change::Renamed, Some(old)) => {
            format!("renamed from “{}”; also changed: {fields}", clean(old))
        }
        _ => format!("changed: {fields}"),
    }
}

fn mark(change: Change, paint: Paint) -> String {
    match change {
        Change::Added => paint.added("+"),
        Change::Removed => paint.removed("-"),
        Change::Renamed | Change::Changed => paint.changed("~"),
    }
}

fn item_line(out: &mut String, item: &ItemChange, paint: Paint) {
    let _ = writeln!(
        out,
        "  {} {}  {}  {}",
        mark(item.change, paint),
        item.id,
        clean(&item.title),
        paint.quiet(&format!("({})", item_note(item)))
    );
}

fn levels(out: &mut String, diff: &Diff, paint: Paint) {
    let groups = by_level(diff);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.heading("What changes for each level"));
    for group in groups {
        let _ = writeln!(
            out,
            "\n  {}",
            paint.heading(&format!(
                "What changes for {} ({})",
                clean(group.label),
                clean(group.title)
            ))
        );
        for competency in &group.competencies {
            let _ = writeln!(out, "    {}", clean(competency.name));
            competency_lines(out, competency, paint);
        }
    }
}

fn competency_lines(out: &mut String, group: &CompetencyGroup, paint: Paint) {
    let line = |out: &mut String, sign: String, text: String| {
        let _ = writeln!(out, "      {sign} {text}");
    };
    if let Some(cell) = group.cell {
        match cell.status {
            CellStatus::Starts => line(
                out,
                paint.added("+"),
                paint.quiet("now expected at this level"),
            ),
            CellStatus::Ends => line(
                out,
                paint.removed("-"),
                paint.quiet("no longer expected at this level"),
            ),
            CellStatus::Changed => {}
        }
        if let Some(carry) = &cell.carry_over {
            line(
                out,
                paint.changed("~"),
                paint.quiet(&carry_over_note(carry.now, &carry.from_label)),
            );
        }
        for text in &cell.added {
            line(out, paint.added("+"), paint.added(&clean(text)));
        }
        for text in &cell.removed {
            line(out, paint.removed("-"), paint.removed(&clean(text)));
        }
        for reworded in &cell.reworded {
            line(out, paint.changed("~"), words(&reworded.words, paint));
        }
        for change in &cell.examples {
            line(
                out,
                paint.changed("~"),
                format!(
                    "{} {}",
                    paint.quiet(&examples_note(change)),
                    clean(&change.expectation)
                ),
            );
            for example in &change.added {
                line(out, paint.added("  +"), paint.added(&clean(example)));
            }
            for example in &change.removed {
                line(out, paint.removed("  -"), paint.removed(&clean(example)));
            }
        }
    }
    for moved in &group.moved_in {
        line(
            out,
            paint.changed("↳"),
            format!(
                "{} {}",
                paint.quiet(&moved_in_note(moved)),
                moved_text(moved, paint)
            ),
        );
    }
    for moved in &group.moved_out {
        line(
            out,
            paint.changed("↱"),
            format!(
                "{} {}",
                paint.quiet(&moved_out_note(moved)),
                moved_text(moved, paint)
            ),
        );
    }
}

/// "examples changed (+1 −2):", before the expectation they illustrate.
pub fn examples_note(change: &ExampleChange) -> String {
    format!(
        "examples changed (+{} −{}):",
        change.added.len(),
        change.removed.len()
    )
}

/// "now its own text (it carried over from L2)" and the reverse.
pub fn carry_over_note(now: CarryOverNow, from: &str) -> String {
    match now {
        CarryOverNow::Own => format!(
            "now has its own text (it carried over from {})",
            clean(from)
        ),
        CarryOverNow::Carried => format!(
            "now carries over from {} (it had its own text)",
            clean(from)
        ),
    }
}

/// "moved here from L4 (now expected earlier):".
pub fn moved_in_note(moved: &Move) -> String {
    format!(
        "moved here from {} ({}):",
        clean(&moved.from_label),
        direction(moved.direction)
    )
}

/// "moved to L2 (now expected earlier):".
pub fn moved_out_note(moved: &Move) -> String {
    format!(
        "moved to {} ({}):",
        clean(&moved.to_label),
        direction(moved.direction)
    )
}

fn direction(direction: Direction) -> &'static str {
    match direction {
        Direction::Earlier => "now expected earlier",
        Direction::Later => "now expected later",
        Direction::OtherTrack => "now expected in another track",
    }
}

fn moved_text(moved: &Move, paint: Paint) -> String {
    match &moved.words {
        Some(runs) => words(runs, paint),
        None => clean(&moved.new),
    }
}

/// A word diff: coloured runs, or `[-old-]{+new+}` without colour.
pub fn words(runs: &[Words], paint: Paint) -> String {
    runs.iter()
        .map(|run| {
            let text = clean(&run.text);
            match (run.op, paint.enabled) {
                (WordOp::Equal, _) => text,
                (WordOp::Delete, true) => paint.removed(&text),
                (WordOp::Insert, true) => paint.added(&text),
                (WordOp::Delete, false) => format!("[-{text}-]"),
                (WordOp::Insert, false) => format!("{{+{text}+}}"),
            }
        })
        .collect()
}

/// "delivery 5 → 3", "testing added (2)", "ops removed (was 4)".
pub fn emphasis_note(change: &EmphasisChange) -> String {
    match (change.old, change.new) {
        (Some(old), Some(new)) => format!("{} {old} → {new}", change.competency),
        (None, Some(new)) => format!("{} added ({new})", change.competency),
        (Some(old), None) => format!("{} removed (was {old})", change.competency),
        (None, None) => change.competency.clone(),
    }
}

fn emphasis(out: &mut String, changes: &[EmphasisChange], paint: Paint) {
    if changes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.heading("Archetype emphasis"));
    for change in changes {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            paint.changed("~"),
            change.archetype,
            emphasis_note(change)
        );
    }
}

fn dimensions(out: &mut String, diff: &Diff, paint: Paint) {
    if diff.dimensions.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.heading("Scorecard dimensions"));
    for dimension in &diff.dimensions {
        let _ = writeln!(
            out,
            "  {} {}: {} ({})",
            mark(dimension.change, paint),
            dimension.scorecard,
            clean(&dimension.name),
            dimension.competency
        );
        for (bar, change) in [("meets", &dimension.meets), ("exceeds", &dimension.exceeds)] {
            if let Some(change) = change {
                let _ = writeln!(out, "      {bar}: {}", words(&change.words, paint));
            }
        }
    }
}

/// "+3 −1 lines".
pub fn line_note(guide: &GuideChange) -> String {
    format!("+{} −{} lines", guide.lines_added, guide.lines_removed)
}

fn guides(out: &mut String, changes: &[GuideChange], paint: Paint) {
    if changes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.heading("Guides"));
    for guide in changes {
        let renamed = guide
            .old_title
            .as_deref()
            .map(|old| format!("renamed from “{}”, ", clean(old)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}  {}  {}",
            mark(guide.change, paint),
            guide.path,
            clean(&guide.title),
            paint.quiet(&format!("({renamed}{})", line_note(guide)))
        );
    }
}

/// A change in one word: "added", "removed", "renamed", "changed".
pub fn change_word(change: Change) -> &'static str {
    match change {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Renamed => "renamed",
        Change::Changed => "changed",
    }
}

/// "1 change", "3 changes".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
