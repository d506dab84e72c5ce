//! Where an older release's expectations are in the ladder being built, by
//! their assessment keys (`content::item_keys`): what the self-assessment
//! page needs to carry ratings exported against that release over
//! (issue 17). Built from the one diff: an expectation kept word for word
//! keeps its rating, a reworded one keeps it marked for a second look, a
//! moved one follows its text to its new level; a removed one has no entry.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::content::item_keys::keyed_items;
use crate::content::model::Book;
use crate::history::diff::Diff;
use crate::history::expectation::expectation_text;

/// One older release's keys that name something else now.
#[derive(Debug, Serialize)]
pub struct KeyMap {
    /// The ladder version an exported file names (`book.version`).
    pub version: String,
    /// The release's name, for the import notice.
    pub release: String,
    /// Older key → where it is now. Keys still valid are left out.
    pub keys: BTreeMap<String, MappedKey>,
}

/// Where one older expectation is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappedKey {
    pub key: String,
    /// The wording changed: the rating is kept, to be checked again.
    pub reworded: bool,
    /// It is now expected at another level.
    pub moved: bool,
}

/// (competency id, level id of the entry listing it, text) → key.
type KeyIndex<'b> = HashMap<(&'b str, &'b str, &'b str), String>;

/// The keys of `old` (release `release`) that map to another key of
/// `new`, through `diff` (from `old` to `new`).
pub fn key_map(release: &str, old: &Book, new: &Book, diff: &Diff) -> KeyMap {
    let index = key_index(new);
    let mut keys = BTreeMap::new();
    for (c, competency) in old.competencies.iter().enumerate() {
        for l in 0..old.levels.len() {
            for keyed in keyed_items(old, c, l) {
                if keys.contains_key(&keyed.key) {
                    continue;
                }
                let from = old.levels[keyed.from].id.as_str();
                let text = expectation_text(keyed.item);
                let found = find(&index, diff, &competency.id, from, text);
                if let Some(mapped) = found.filter(|m| m.key != keyed.key) {
                    keys.insert(keyed.key, mapped);
                }
            }
        }
    }
    KeyMap {
        version: old.version.clone(),
        release: release.to_string(),
        keys,
    }
}

/// Where the expectation `text` of `competency`, listed by level `from`
/// in the older book, is in the newer one.
fn find(
    index: &KeyIndex,
    diff: &Diff,
    competency: &str,
    from: &str,
    text: &str,
) -> Option<MappedKey> {
    let at = |level: &str, text: &str| index.get(&(competency, level, text)).cloned();
    if let Some(key) = at(from, text) {
        return Some(MappedKey {
            key,
            reworded: false,
            moved: false,
        });
    }
    let reworded = diff
        .cells
        .iter()
        .filter(|cell| cell.competency == competency && cell.level == from)
        .flat_map(|cell| &cell.reworded)
        .find(|r| r.old == text);
    if let Some(r) = reworded {
        return Some(MappedKey {
            key: at(from, &r.new)?,
            reworded: true,
            moved: false,
        });
    }
    let moved = diff
        .moves
        .iter()
        .find(|m| m.competency == competency && m.from == from && m.old == text)?;
    Some(MappedKey {
        key: at(&moved.to, &moved.new)?,
        reworded: moved.old != moved.new,
        moved: true,
    })
}

fn key_index(book: &Book) -> KeyIndex<'_> {
    let mut index = HashMap::new();
    for (c, competency) in book.competencies.iter().enumerate() {
        for l in 0..book.levels.len() {
            for keyed in keyed_items(book, c, l) {
                let from = book.levels[keyed.from].id.as_str();
                let text = expectation_text(keyed.item);
                index
                    .entry((competency.id.as_str(), from, text))
                    .or_insert(keyed.key);
            }
        }
    }
    index
}
