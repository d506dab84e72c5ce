//! The shared draft of a book that every import reader fills ([`Draft`]):
//! tracks, levels, competencies with their items, guides, and what the
//! summary reports. Readers (`long`, `grid`, `framework`) turn a source into
//! a draft; `writer` turns a draft into files; `summary` reports it. A new
//! source is one new reader.

use std::collections::BTreeMap;

use crate::import::cell::CellItem;

/// The one implicit track of a ladder that names none.
pub(super) const DEFAULT_TRACK: &str = "default";

/// A level, with the line it came from.
#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    pub id: String,
    pub track: String,
    pub code: String,
    pub title: String,
    pub rank: i64,
    pub line: u32,
    /// One line about the level (a `Scope` or `Summary` column).
    pub summary: String,
    /// Typical years of experience (a `Years` column, `E1, ~ 1 yr`).
    pub years: String,
    /// The level's Markdown body (notes, descriptions).
    pub narrative: String,
}

/// A competency, with its items by level id.
#[derive(Debug, Clone, Default)]
pub(super) struct Competency {
    pub id: String,
    pub name: String,
    pub area: String,
    pub line: u32,
    /// The items of each level's own entry, with their examples.
    pub items: BTreeMap<String, Vec<CellItem>>,
    /// The owners' note on a level's entry, by level id (issue 25); a
    /// note at a level without items of its own carries the lower ones.
    pub notes: BTreeMap<String, String>,
    /// The levels whose entry is `[]`: it ends there (issue 25).
    pub ends: Vec<String>,
    /// A level-wide aspect (`[ladder] aspects`, issue 25): written into the
    /// levels' front matter, its id the slug of its name.
    pub level_wide: bool,
}

/// A guide page: text of the source that is neither level nor competency.
#[derive(Debug, Clone)]
pub(super) struct Guide {
    /// Path below `content/pages/`, without `.md`.
    pub path: String,
    pub title: String,
    pub body: String,
    /// Where it came from, for the summary ("lines 12-20").
    pub origin: String,
}

/// A book as read from one source, in the source's order.
#[derive(Default)]
pub(super) struct Draft {
    pub tracks: Vec<String>,
    /// Track names the source gives, by id (others are made from the id).
    pub track_names: BTreeMap<String, String>,
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    pub guides: Vec<Guide>,
    /// `[ladder] expectations = "cumulative"`: each level lists only what it adds.
    pub cumulative: bool,
    /// The names of the level-wide aspects, in order (`[ladder] aspects`).
    pub aspects: Vec<String>,
    /// The areas in the order of each level's entries, to rebuild their order.
    pub area_runs: Vec<Vec<String>>,
    /// The competencies in the order of each level's entries, indexed like
    /// `area_runs`, to rebuild their order.
    pub competency_runs: Vec<Vec<String>>,
    /// Lines for the summary: the layout found, mapped and unmapped
    /// columns, skipped rows, front matter not imported.
    pub notes: Vec<String>,
}

impl Draft {
    /// The number of items and of cells holding them.
    pub fn item_counts(&self) -> (usize, usize) {
        let cells = self.competencies.iter().flat_map(|c| c.items.values());
        cells.fold((0, 0), |(items, cells), cell| {
            (items + cell.len(), cells + 1)
        })
    }
}

impl Draft {
    /// A guide page for each `@/pages/<path>` the items link to, so the
    /// imported book checks clean: an exported sheet keeps its links but not
    /// the guides they point to (issue 26). Each gets a heading per anchor
    /// linked, and says it is to be written.
    pub fn add_linked_guides(&mut self) {
        let mut anchors: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let texts = self
            .competencies
            .iter()
            .flat_map(|c| c.items.values().flatten())
            .flat_map(|item| std::iter::once(&item.text).chain(&item.examples));
        for text in texts {
            for (path, anchor) in page_links(text) {
                let entry = anchors.entry(path).or_default();
                if let Some(anchor) = anchor.filter(|a| !entry.contains(a)) {
                    entry.push(anchor);
                }
            }
        }
        for (path, anchors) in anchors {
            if self.guides.iter().any(|g| g.path == path) {
                continue;
            }
            let name = path.rsplit('/').next().unwrap_or(&path).replace('-', " ");
            let mut body = String::from("To be written: the ladder links here.\n");
            for anchor in anchors {
                body.push_str(&format!("\n## {anchor}\n"));
            }
            self.guides.push(Guide {
                title: capitalised(&name),
                path,
                body,
                origin: "(a page the ladder links to, to be written)".into(),
            });
        }
    }
}

/// The `@/pages/<path>#<anchor>` targets in a Markdown text whose path is
/// made of valid ids.
fn page_links(text: &str) -> Vec<(String, Option<String>)> {
    let mut links = Vec::new();
    for (at, _) in text.match_indices("@/pages/") {
        let rest = &text[at + "@/pages/".len()..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\''))
            .unwrap_or(rest.len());
        let (path, anchor) = match rest[..end].split_once('#') {
            Some((path, anchor)) => (path, Some(anchor.to_string())),
            None => (&rest[..end], None),
        };
        let valid = !path.is_empty() && path.split('/').all(crate::content::resolve::is_valid_id);
        let anchor = anchor.filter(|a| crate::content::resolve::is_valid_id(a));
        if valid {
            links.push((path.to_string(), anchor));
        }
    }
    links
}

/// `text` with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_give_paths_and_anchors() {
        assert_eq!(
            page_links("See [x](@/pages/hiring/loop#prep) and [y](@/pages/faq)."),
            [
                ("hiring/loop".to_string(), Some("prep".to_string())),
                ("faq".to_string(), None)
            ]
        );
        assert!(page_links("[x](@/pages/../etc)").is_empty());
    }
}
