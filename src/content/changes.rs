//! "What changes from the level below": computed from the content alone.
//!
//! For each competency, compare a level's cell with the previous rank's in
//! the same track: a competency that starts here, expectations new at this
//! level, and expectations that changed. Carried-over cells never change.

use crate::content::model::{Book, Html};

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// Not expected at the previous level; expected from this one.
    Starts,
    /// The level has its own entry whose text differs from the previous one.
    Grows,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change<'a> {
    pub competency: usize,
    pub kind: ChangeKind,
    /// Items at this level that the previous level did not have, word for word.
    pub added: Vec<&'a Html>,
    /// Items of the previous level that this level no longer lists.
    pub replaced: Vec<&'a Html>,
}

/// The changes from `level`'s previous rank, in area order. Empty for the
/// first level of a track.
pub fn level_changes(book: &Book, level: usize) -> Vec<Change<'_>> {
    let Some(previous) = book.levels[level].previous else {
        return Vec::new();
    };
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
                let added: Vec<&Html> = cell
                    .items
                    .iter()
                    .filter(|item| !before.items.iter().any(|b| b.html == item.html))
                    .collect();
                let replaced: Vec<&Html> = before
                    .items
                    .iter()
                    .filter(|item| !cell.items.iter().any(|c| c.html == item.html))
                    .collect();
                if !added.is_empty() || !replaced.is_empty() {
                    changes.push(Change {
                        competency,
                        kind: ChangeKind::Grows,
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
