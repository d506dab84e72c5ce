//! "What changes from the level below": computed from the content alone.
//!
//! For each competency, compare a level's cell with the previous rank's in
//! the same track: a competency that starts here, expectations new at this
//! level, and expectations that changed. Carried-over cells never change.
//! In a cumulative book nothing is dropped: what changes is the level's
//! new items.

use crate::content::model::{Book, Item};

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// Not expected at the previous level; expected from this one.
    Starts,
    /// The level has its own entry with items the previous one did not have.
    Grows,
    /// The level has its own entry that only leaves out items of the
    /// previous one: nothing was added, so it does not "grow" (issue 25).
    Narrows,
    /// The level's entry is `[]`: the competency is no longer a separate
    /// expectation from this level on (issue 25).
    Ends,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change<'a> {
    pub competency: usize,
    pub kind: ChangeKind,
    /// Items at this level that the previous level did not have, word for word.
    pub added: Vec<&'a Item>,
    /// Items of the previous level that this level no longer lists.
    pub replaced: Vec<&'a Item>,
}

/// The changes from `level`'s previous rank, in area order. Empty for the
/// first level of a track.
pub fn level_changes(book: &Book, level: usize) -> Vec<Change<'_>> {
    let Some(previous) = book.levels[level].previous else {
        return Vec::new();
    };
    let mut changes = if book.cumulative() {
        cumulative_changes(book, level, previous)
    } else {
        replace_changes(book, level, previous)
    };
    changes.extend(ends(book, level, previous));
    changes
}

/// Competencies whose entry at this level is `[]`, in area order; what
/// they expected at the level below is what no longer applies.
fn ends(book: &Book, level: usize, previous: usize) -> impl Iterator<Item = Change<'_>> {
    book.areas
        .iter()
        .flat_map(|area| area.competencies.iter().copied())
        .filter(move |&c| book.competencies[c].ends.contains(&level))
        .map(move |competency| Change {
            competency,
            kind: ChangeKind::Ends,
            added: Vec::new(),
            replaced: book
                .items_expected(competency, previous)
                .into_iter()
                .map(|(_, item)| item)
                .collect(),
        })
}

/// Replace books: each own entry compared with the level below's.
fn replace_changes(book: &Book, level: usize, previous: usize) -> Vec<Change<'_>> {
    let mut changes = Vec::new();
    for (competency, cell) in book.expectations_at(level) {
        match &book.competencies[competency].cells[previous] {
            None => changes.push(Change {
                competency,
                kind: ChangeKind::Starts,
                added: cell.items.iter().collect(),
                replaced: Vec::new(),
            }),
            Some(before) if cell.source_level == level => {
                let added: Vec<&Item> = cell
                    .items
                    .iter()
                    .filter(|item| !before.items.iter().any(|b| b.text.html == item.text.html))
                    .collect();
                let replaced: Vec<&Item> = before
                    .items
                    .iter()
                    .filter(|item| !cell.items.iter().any(|c| c.text.html == item.text.html))
                    .collect();
                if !added.is_empty() || !replaced.is_empty() {
                    changes.push(Change {
                        competency,
                        kind: if added.is_empty() {
                            ChangeKind::Narrows
                        } else {
                            ChangeKind::Grows
                        },
                        added,
                        replaced,
                    });
                }
            }
            Some(_) => {}
        }
    }
    changes
}

/// Cumulative books: a competency with new items at this level starts here
/// when the level below expected nothing of it, and grows otherwise.
fn cumulative_changes(book: &Book, level: usize, previous: usize) -> Vec<Change<'_>> {
    book.expectations_at(level)
        .filter(|(_, cell)| !cell.items.is_empty())
        .map(|(competency, cell)| Change {
            competency,
            kind: match book.competencies[competency].cells[previous] {
                None => ChangeKind::Starts,
                Some(_) => ChangeKind::Grows,
            },
            added: cell.items.iter().collect(),
            replaced: Vec::new(),
        })
        .collect()
}
