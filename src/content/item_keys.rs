//! The identity of an expectation in an assessment (issue 25): the
//! competency, the level that introduced the item and a hash of its text,
//! `<competency>@<level>:<hash>`. One rule, read by the self-assessment page
//! (`render::views::assess`) and by the readers of exported assessments
//! (`filled::assessment`, and so `team`), so the two cannot drift.

use xxhash_rust::xxh3::xxh3_64;

use crate::content::model::{Book, Item};

/// One item a level expects of a competency, with its key.
pub struct KeyedItem<'b> {
    /// `<competency>@<introducing level>:<text hash>`.
    pub key: String,
    /// The key files exported before issue 25 used: the item's position,
    /// `<competency>:<n>`, or `<competency>@<level>:<n>` in a cumulative book.
    pub legacy_key: String,
    /// The level whose entry lists the item (index into `Book::levels`).
    pub from: usize,
    pub item: &'b Item,
}

/// The items `level` expects of `competency`, in page order, each sentence
/// once: the same text still expected from below keeps one key.
pub fn keyed_items(book: &Book, competency: usize, level: usize) -> Vec<KeyedItem<'_>> {
    let c = &book.competencies[competency];
    let mut counters: Vec<(usize, usize)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (from, item) in book.items_expected(competency, level) {
        let n = match counters.iter_mut().find(|(l, _)| *l == from) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                counters.push((from, 0));
                0
            }
        };
        let legacy_key = if book.cumulative() {
            format!("{}@{}:{n}", c.id, book.levels[from].id)
        } else {
            format!("{}:{n}", c.id)
        };
        let introduced = introduced_at(book, competency, from, &item.text.source);
        let key = format!(
            "{}@{}:{:08x}",
            c.id,
            book.levels[introduced].id,
            xxh3_64(item.text.source.as_bytes()) >> 32
        );
        if seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        out.push(KeyedItem {
            key,
            legacy_key,
            from,
            item,
        });
    }
    out
}

/// The lowest level of the track, going down from `level`, from which an
/// item with this text is expected without a break.
fn introduced_at(book: &Book, competency: usize, level: usize, text: &str) -> usize {
    let cells = &book.competencies[competency].cells;
    let mut introduced = level;
    while let Some(below) = book.levels[introduced].previous {
        let expected_below = book
            .items_expected(competency, below)
            .iter()
            .any(|(_, item)| item.text.source == text);
        if !expected_below || cells[below].is_none() {
            break;
        }
        introduced = below;
    }
    introduced
}
