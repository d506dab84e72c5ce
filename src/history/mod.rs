//! `diff`: two versions of a ladder → what changed, keyed by ids.
//!
//! The stages, one file each, in the order the command runs them:
//!
//! - `side`, `git`   a side of the command line → a loaded book: a folder
//!   through `load_book`, a git revision read with gix into memory and
//!   through `load_memory_book` (`error` says why a side cannot be read)
//! - `items`         tracks, levels, competencies, archetypes, scorecards,
//!   interviews: added, removed, renamed, changed
//! - `cells`         per competency and level: expectations added, removed,
//!   reworded, moved; carry-over changes
//! - `details`       archetype emphasis, scorecard dimensions and bars
//! - `guides`        guides by path, with changed line counts
//! - `diff`          the report these make ([`diff::Diff`]); `by_level`
//!   regroups its expectations level by level for the text formats
//! - `text` (coloured through `paint`), `markdown`, `json`  the report → a `String`
//!
//! `expectation` is the one place that reads an expectation's text; `words`
//! compares texts (word diff, likeness, line counts).
//!
//! Invariants: only `side` and `git` read (files, the repository) and they
//! never write; the comparison and the formats are pure; every order is
//! the books' own (the newer book's, removed items after in the older's),
//! so the same two books always give the same report.

pub mod by_level;
mod cells;
mod details;
pub mod diff;
pub mod error;
mod expectation;
mod git;
mod guides;
mod items;
pub mod json;
pub mod key_map;
pub mod markdown;
pub mod paint;
pub mod published;
pub mod releases;
pub mod side;
#[cfg(test)]
mod tests;
pub mod text;
pub mod words;

use crate::content::model::Book;
use diff::{Diff, SideSummary};

/// Everything that changed from `old` to `new`; the labels say which
/// versions they are (`v1.2 (3f2a9c1)`, `working tree`).
pub fn diff_books(old: &Book, old_label: &str, new: &Book, new_label: &str) -> Diff {
    let (cells, moves) = cells::diff_cells(old, new);
    Diff {
        old: summary(old, old_label),
        new: summary(new, new_label),
        tracks: items::diff_items(&items::tracks(old), &items::tracks(new)),
        levels: items::diff_items(&items::levels(old), &items::levels(new)),
        competencies: items::diff_items(&items::competencies(old), &items::competencies(new)),
        archetypes: items::diff_items(&items::archetypes(old), &items::archetypes(new)),
        scorecards: items::diff_items(&items::scorecards(old), &items::scorecards(new)),
        interviews: items::diff_items(&items::interviews(old), &items::interviews(new)),
        cells,
        moves,
        emphasis: details::diff_emphasis(old, new),
        dimensions: details::diff_dimensions(old, new),
        guides: guides::diff_guides(old, new),
        order: order(new),
    }
}

fn order(book: &Book) -> diff::Order {
    let levels = book
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .map(|&l| {
            let level = &book.levels[l];
            (
                level.id.clone(),
                level.label().to_string(),
                level.title.clone(),
            )
        })
        .collect();
    let competencies = book
        .areas
        .iter()
        .flat_map(|area| &area.competencies)
        .map(|&c| book.competencies[c].id.clone())
        .collect();
    diff::Order {
        levels,
        competencies,
    }
}

fn summary(book: &Book, label: &str) -> SideSummary {
    SideSummary {
        label: label.to_string(),
        title: book.config.book.title.clone(),
        version: book.version.clone(),
    }
}
