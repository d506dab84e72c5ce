//! Typed template contexts, one struct per page kind (Zola's way).
//!
//! Views borrow from the model and hold rendered HTML fragments whose links
//! are behind the root marker; `render` swaps the marker per page.
//!
//! One file per page kind (levels, matrix, competencies, archetypes,
//! scorecards, guides, self-assessment, print edition); this file holds the
//! links every kind shares.

use serde::Serialize;

use crate::content::model::{Book, Cell, Html, Item};
use crate::markdown::ROOT_MARKER;

mod archetypes;
mod assess;
mod changes;
mod competencies;
mod levels;
mod matrix;
mod pages;
mod pay;
mod print;
mod rating_notes;
mod roles;
mod scorecards;

pub use archetypes::*;
pub use assess::*;
pub use changes::*;
pub use competencies::*;
pub use levels::*;
pub use matrix::*;
pub use pages::*;
pub use pay::*;
pub use print::*;
pub use rating_notes::*;
pub use roles::*;
pub use scorecards::*;

/// A link to an item: root-relative address behind the marker, and its name.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub title: String,
    pub id: String,
}

fn link(kind: &str, id: &str, title: &str) -> Link {
    Link {
        href: format!("{ROOT_MARKER}{kind}/{id}.html"),
        title: title.to_string(),
        id: id.to_string(),
    }
}

fn html(fragment: &Option<Html>) -> Option<&str> {
    fragment.as_ref().map(|h| h.html.as_str())
}

fn htmls(fragments: &[Html]) -> Vec<&str> {
    fragments.iter().map(|h| h.html.as_str()).collect()
}

/// The items' text. Their examples go in a parallel list (`examples[n]`
/// belongs to `items[n]`), so a theme's template that shows `items` as
/// HTML strings keeps working.
fn item_texts(items: &[Item]) -> Vec<&str> {
    items.iter().map(|item| item.text.html.as_str()).collect()
}

/// Each item's examples, indexed like [`item_texts`].
fn item_examples(items: &[Item]) -> Vec<Vec<&str>> {
    items.iter().map(|item| htmls(&item.examples)).collect()
}

/// Items a cumulative level still expects from one lower level.
#[derive(Serialize)]
pub struct InheritedView<'a> {
    pub level: Link,
    pub label: &'a str,
    pub items: Vec<&'a str>,
    pub examples: Vec<Vec<&'a str>>,
}

/// The lower levels' items a cell still expects, grouped by the level that
/// introduced them, junior first (empty in replace books).
fn inherited_views<'a>(book: &'a Book, competency: usize, cell: &Cell) -> Vec<InheritedView<'a>> {
    let cells = &book.competencies[competency].cells;
    cell.inherited
        .iter()
        .filter_map(|&from| {
            let lower = cells[from].as_ref()?;
            Some(InheritedView {
                level: level_link(book, from),
                label: book.levels[from].label(),
                items: item_texts(&lower.items),
                examples: item_examples(&lower.items),
            })
        })
        .collect()
}

/// A link to a level as running text names it: with its code when another
/// level shares its title (issue 25).
pub fn level_link(book: &Book, level: usize) -> Link {
    let l = &book.levels[level];
    link("levels", &l.id, &l.name)
}

/// A link to a level shown beside its code (lists, the sidebar, the
/// matrix's header), where the code already tells shared titles apart.
pub fn level_link_beside_code(book: &Book, level: usize) -> Link {
    let l = &book.levels[level];
    link("levels", &l.id, &l.title)
}

/// A link to a competency's page; a level-wide aspect has no page, so its
/// `href` is empty and templates show its name alone (issue 25).
pub fn competency_link(book: &Book, competency: usize) -> Link {
    let c = &book.competencies[competency];
    let mut link = link("competencies", &c.id, &c.name);
    if c.level_wide {
        link.href.clear();
    }
    link
}

pub fn archetype_link(book: &Book, archetype: usize) -> Link {
    let a = &book.archetypes[archetype];
    link("archetypes", &a.id, &a.name)
}

pub fn scorecard_link(book: &Book, scorecard: usize) -> Link {
    let s = &book.scorecards[scorecard];
    link("scorecards", &s.id, &s.title)
}

pub fn page_link(book: &Book, page: usize) -> Link {
    let p = &book.pages[page];
    link("pages", &p.path, &p.title)
}
