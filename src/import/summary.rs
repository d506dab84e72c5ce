//! The one report of `import`, for every reader: what the draft holds
//! ("7 levels, 4 competencies, 141 items from 28 cells; 1 guide ..."), the
//! reader's notes (layout found, columns mapped or not, rows skipped), and
//! with `--dry-run` the levels and competencies one by one. Text only; the
//! command prints it.

use crate::import::draft::{Competency, Draft};

/// The summary of `draft`; `detailed` adds one line per level and competency.
pub(super) fn render_summary(draft: &Draft, detailed: bool) -> String {
    let (items, cells) = draft.item_counts();
    let aspects = draft.competencies.iter().filter(|c| c.level_wide).count();
    let aspects = if aspects > 0 {
        format!(
            ", {}",
            count(aspects, "level-wide aspect", "level-wide aspects")
        )
    } else {
        String::new()
    };
    let mut out = format!(
        "{}, {}{aspects}, {} from {}",
        count(draft.levels.len(), "level", "levels"),
        count(
            draft.competencies.len() - draft.competencies.iter().filter(|c| c.level_wide).count(),
            "competency",
            "competencies"
        ),
        count(items, "item", "items"),
        count(cells, "cell", "cells"),
    );
    let examples: usize = draft
        .competencies
        .iter()
        .flat_map(|c| c.items.values().flatten())
        .map(|i| i.examples.len())
        .sum();
    if examples > 0 {
        out.push_str(&format!(" ({})", count(examples, "example", "examples")));
    }
    for guide in &draft.guides {
        out.push_str(&format!("; 1 guide `{}` {}", guide.path, guide.origin));
    }
    out.push('\n');
    for note in &draft.notes {
        out.push_str(note);
        out.push('\n');
    }
    if detailed {
        out.push_str(&details(draft));
    }
    out
}

fn details(draft: &Draft) -> String {
    let mut out = String::from("levels:\n");
    for level in &draft.levels {
        let code = if level.code.is_empty() {
            String::new()
        } else {
            format!(" ({})", level.code)
        };
        out.push_str(&format!(
            "  {} {}: {}{code}\n",
            level.rank, level.id, level.title
        ));
    }
    let (aspects, competencies): (Vec<_>, Vec<_>) =
        draft.competencies.iter().partition(|c| c.level_wide);
    out.push_str("competencies:\n");
    out.push_str(&item_lines(&competencies));
    if !aspects.is_empty() {
        out.push_str("level-wide aspects:\n");
        out.push_str(&item_lines(&aspects));
    }
    out
}

/// One line per competency (or aspect): id, name and how many items.
fn item_lines(competencies: &[&Competency]) -> String {
    competencies
        .iter()
        .map(|competency| {
            let items: usize = competency.items.values().map(Vec::len).sum();
            format!(
                "  {}: {} ({})\n",
                competency.id,
                competency.name,
                count(items, "item", "items")
            )
        })
        .collect()
}

/// `n` with the word that fits it.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
