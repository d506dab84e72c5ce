//! The report as GitHub-flavoured Markdown, for a pull-request comment.
//!
//! Text from the books is escaped so it shows as written (a `|` cannot
//! break a table, a `<` cannot open HTML); word changes are ~~struck~~ and
//! **bold**.

use std::fmt::Write as _;

use crate::debrief::markdown::escape;
use crate::history::by_level::{CompetencyGroup, by_level};
use crate::history::diff::{CellStatus, Diff, GuideChange, Move};
use crate::history::text::{
    carry_over_note, change_word, count, emphasis_note, examples_note, item_note, item_sections,
    line_note, moved_in_note, moved_out_note,
};
use crate::history::words::{WordOp, Words};

/// The whole report as Markdown.
pub fn render_markdown(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Ladder changes: {} → {}\n",
        escape(&diff.old.label),
        escape(&diff.new.label)
    );
    if !diff.has_changes() {
        let _ = writeln!(
            out,
            "No changes to the ladder (version `{}`).",
            diff.new.version
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{} · version `{}` → `{}`",
        count(diff.change_count(), "change"),
        diff.old.version,
        diff.new.version
    );
    for (title, items) in item_sections(diff) {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n### {title}\n\n| id | title | change |\n|---|---|---|"
        );
        for item in items {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                item.id,
                escape(&item.title),
                escape(&item_note(item))
            );
        }
    }
    levels(&mut out, diff);
    details(&mut out, diff);
    guides(&mut out, &diff.guides);
    out
}

fn levels(out: &mut String, diff: &Diff) {
    for group in by_level(diff) {
        let _ = writeln!(
            out,
            "\n### What changes for {} ({})\n",
            escape(group.label),
            escape(group.title)
        );
        for competency in &group.competencies {
            let _ = writeln!(out, "- **{}**", escape(competency.name));
            competency_items(out, competency);
        }
    }
}

fn competency_items(out: &mut String, group: &CompetencyGroup) {
    let mut item = |text: String| {
        let _ = writeln!(out, "  - {text}");
    };
    if let Some(cell) = group.cell {
        match cell.status {
            CellStatus::Starts => item("*now expected at this level*".into()),
            CellStatus::Ends => item("*no longer expected at this level*".into()),
            CellStatus::Changed => {}
        }
        if let Some(carry) = &cell.carry_over {
            item(format!(
                "*{}*",
                escape(&carry_over_note(carry.now, &carry.from_label))
            ));
        }
        for text in &cell.added {
            item(format!("added: {}", escape(text)));
        }
        for text in &cell.removed {
            item(format!("removed: ~~{}~~", escape(text)));
        }
        for reworded in &cell.reworded {
            item(format!("reworded: {}", words(&reworded.words)));
        }
        for change in &cell.examples {
            let mut text = format!(
                "{} {}",
                escape(&examples_note(change)),
                escape(&change.expectation)
            );
            for example in &change.added {
                text.push_str(&format!("<br>+ {}", escape(example)));
            }
            for example in &change.removed {
                text.push_str(&format!("<br>− ~~{}~~", escape(example)));
            }
            item(text);
        }
    }
    for moved in &group.moved_in {
        item(format!(
            "{} {}",
            escape(&moved_in_note(moved)),
            moved_text(moved)
        ));
    }
    for moved in &group.moved_out {
        item(format!(
            "{} {}",
            escape(&moved_out_note(moved)),
            moved_text(moved)
        ));
    }
}

fn moved_text(moved: &Move) -> String {
    match &moved.words {
        Some(runs) => words(runs),
        None => escape(&moved.new),
    }
}

/// A word diff with deletions struck through and insertions in bold.
fn words(runs: &[Words]) -> String {
    runs.iter()
        .map(|run| {
            let text = escape(&run.text);
            // Emphasis markers must touch the words they wrap.
            let (lead, rest) = text.split_at(text.len() - text.trim_start().len());
            let (core, trail) = rest.split_at(rest.trim_end().len());
            match run.op {
                WordOp::Equal => run_text(&run.text),
                _ if core.is_empty() => text.clone(),
                WordOp::Delete => format!("{lead}~~{core}~~{trail}"),
                WordOp::Insert => format!("{lead}**{core}**{trail}"),
            }
        })
        .collect()
}

/// An unchanged run, escaped but keeping its spaces (escape trims).
fn run_text(text: &str) -> String {
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{}{trail}", escape(text))
}

fn details(out: &mut String, diff: &Diff) {
    if !diff.emphasis.is_empty() {
        out.push_str("\n### Archetype emphasis\n\n");
        for change in &diff.emphasis {
            let _ = writeln!(
                out,
                "- `{}`: {}",
                change.archetype,
                escape(&emphasis_note(change))
            );
        }
    }
    if !diff.dimensions.is_empty() {
        out.push_str("\n### Scorecard dimensions\n\n");
        for dimension in &diff.dimensions {
            let _ = writeln!(
                out,
                "- `{}`: {} (`{}`), {}",
                dimension.scorecard,
                escape(&dimension.name),
                dimension.competency,
                change_word(dimension.change)
            );
            for (bar, change) in [("meets", &dimension.meets), ("exceeds", &dimension.exceeds)] {
                if let Some(change) = change {
                    let _ = writeln!(out, "  - {bar}: {}", words(&change.words));
                }
            }
        }
    }
}

fn guides(out: &mut String, changes: &[GuideChange]) {
    if changes.is_empty() {
        return;
    }
    out.push_str("\n### Guides\n\n| page | title | change |\n|---|---|---|\n");
    for guide in changes {
        let _ = writeln!(
            out,
            "| `{}` | {} | {}, {} |",
            guide.path,
            escape(&guide.title),
            change_word(guide.change),
            line_note(guide)
        );
    }
}
