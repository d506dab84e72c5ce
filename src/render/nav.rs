//! The guides' navigation (`nav_pages`, and `pages` on the home page) as
//! tera values.
//!
//! A page's navigation is the top level of the page tree and the siblings
//! along the way to the page, windowed around it: never the whole tree, and
//! never a whole long folder, so a book of ten thousand pages does not copy
//! its table of contents into every page.
//!
//! Almost every entry of it is a closed entry that reads the same on every
//! page. Tera values are reference-counted, so each closed entry is made
//! once per build and shared, its markup too (`html`, from the
//! `partials/nav-entry.html` template); a page makes only the entries on
//! its own path, with `partials/nav-open.html`. The whole list's markup is
//! joined here too (`nav_html`): a template loop over the list cost tera
//! more than everything else the navigation takes.

use std::collections::HashMap;
use std::sync::OnceLock;

use tera::{Context, Tera, Value};

use super::views::NavItem;
use crate::content::model::{Book, NavNode};
use crate::markdown::ROOT_MARKER;

/// How many siblings the navigation lists on each side of the current
/// page; longer lists show a window around it and a link to the full list.
pub const NAV_WINDOW: usize = 6;

/// The navigation of every page, from entries made once.
pub struct PageNav<'b> {
    book: &'b Book,
    /// The book's page tree with each node's closed entry, same shape.
    top: Siblings<'b>,
    /// The "… N more" entries, by N: the same few counts recur on every
    /// page of a long folder.
    more: Vec<OnceLock<Listed>>,
}

/// An entry as its list shows it: its nav item and its markup. A closed
/// entry reads the same on every page that lists it, and its item carries
/// the markup as `html` too.
struct Listed {
    item: Value,
    html: String,
}

/// A page's navigation: the nav items, and the markup of the whole list.
pub struct Navigation {
    pub items: Value,
    /// Each entry's markup on a line of its own.
    pub html: String,
}

/// The nodes of one list of the tree.
struct Siblings<'b> {
    nodes: Vec<Cached<'b>>,
    /// Position of each node by the last part of its path: the way to a
    /// page is found in steps, not by trying every sibling.
    by_name: HashMap<&'b str, usize>,
}

struct Cached<'b> {
    /// Made the first time a page shows it: in parallel, and never for a
    /// node no page shows closed.
    entry: OnceLock<Listed>,
    children: Siblings<'b>,
}

impl<'b> Siblings<'b> {
    fn of(nodes: &'b [NavNode]) -> Siblings<'b> {
        Siblings {
            nodes: nodes
                .iter()
                .map(|node| Cached {
                    entry: OnceLock::new(),
                    children: Siblings::of(&node.children),
                })
                .collect(),
            by_name: nodes
                .iter()
                .enumerate()
                .map(|(position, node)| (node.path.rsplit('/').next().unwrap_or(""), position))
                .collect(),
        }
    }
}

impl<'b> PageNav<'b> {
    pub fn new(book: &'b Book) -> PageNav<'b> {
        fn longest(nodes: &[NavNode]) -> usize {
            nodes
                .iter()
                .map(|node| longest(&node.children))
                .fold(nodes.len(), usize::max)
        }
        PageNav {
            book,
            top: Siblings::of(&book.nav),
            more: (0..=longest(&book.nav)).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The navigation shown on the page at `current` (a guide's path), or
    /// on a page that is no guide (`None`: the top level, all closed).
    /// Closed entries carry their markup, rendered with `tera` the first
    /// time a page lists them.
    pub fn for_page(&self, tera: &Tera, current: Option<&str>) -> tera::TeraResult<Navigation> {
        let way: Vec<&str> = current.map_or_else(Vec::new, |path| path.split('/').collect());
        let mut html = String::new();
        let list = self.list(tera, &self.book.nav, &self.top, current, &way, &mut html)?;
        Ok(Navigation {
            items: Value::from(list),
            html,
        })
    }

    /// One list of the navigation, its markup appended to `html`; `way` is
    /// what is left of the current page's path below it.
    fn list(
        &self,
        tera: &Tera,
        nodes: &[NavNode],
        siblings: &Siblings,
        current: Option<&str>,
        way: &[&str],
        html: &mut String,
    ) -> tera::TeraResult<Vec<Value>> {
        // The node on the way to the current page: the page itself, or a
        // folder that holds it.
        let on_way = way
            .first()
            .and_then(|name| siblings.by_name.get(name).copied());
        let (from, to) = window(nodes.len(), on_way.unwrap_or(0));
        let mut list = Vec::with_capacity(to - from + 2);
        let mut add = |listed: &Listed| {
            html.push('\n');
            html.push_str(&listed.html);
            list.push(listed.item.clone());
        };
        if from > 0 {
            add(self.more(tera, from)?);
        }
        let shown = nodes[from..to].iter().zip(&siblings.nodes[from..to]);
        for (position, (node, cached)) in (from..to).zip(shown) {
            if on_way == Some(position) {
                let is_current = current == Some(node.path.as_str())
                    || node
                        .page
                        .is_some_and(|p| Some(self.book.pages[p].path.as_str()) == current);
                let mut children_html = String::new();
                let children = self.list(
                    tera,
                    &node.children,
                    &cached.children,
                    current,
                    &way[1..],
                    &mut children_html,
                )?;
                let item = with_children(entry(self.book, node, is_current, true), children);
                let markup = open_markup(tera, &item, &children_html)?;
                add(&Listed { item, html: markup });
            } else {
                add(closed(tera, &cached.entry, || {
                    entry(self.book, node, false, false)
                })?);
            }
        }
        if to < nodes.len() {
            add(self.more(tera, nodes.len() - to)?);
        }
        Ok(list)
    }

    fn more(&self, tera: &Tera, count: usize) -> tera::TeraResult<&Listed> {
        closed(tera, &self.more[count], || more(count))
    }
}

/// The closed entry kept in `cell`, made with its markup the first time.
fn closed<'c>(
    tera: &Tera,
    cell: &'c OnceLock<Listed>,
    item: impl FnOnce() -> Value,
) -> tera::TeraResult<&'c Listed> {
    if let Some(closed) = cell.get() {
        return Ok(closed);
    }
    // Another thread may render it too: both get the same markup, and the
    // first one is kept.
    let closed = with_markup(tera, item())?;
    Ok(cell.get_or_init(|| closed))
}

/// Which of `len` siblings are listed when the `focus`-th is on the way to
/// the current page: all of a short list, else `2 × NAV_WINDOW + 1` around it.
fn window(len: usize, focus: usize) -> (usize, usize) {
    let size = 2 * NAV_WINDOW + 1;
    if len <= size {
        return (0, len);
    }
    let from = focus.saturating_sub(NAV_WINDOW).min(len - size);
    (from, from + size)
}

/// One page or folder of the tree, without children.
fn entry(book: &Book, node: &NavNode, current: bool, open: bool) -> Value {
    Value::from_serializable(&NavItem {
        href: node
            .page
            .map(|p| format!("{ROOT_MARKER}pages/{}.html", book.pages[p].path)),
        title: node.title.as_str().into(),
        current,
        open,
        children: Vec::new(),
    })
}

/// The entry that stands for `count` siblings left out of the window.
fn more(count: usize) -> Value {
    Value::from_serializable(&NavItem {
        href: Some(format!("{ROOT_MARKER}pages/index.html")),
        title: format!("… {count} more").into(),
        current: false,
        open: false,
        children: Vec::new(),
    })
}

/// The template that writes one closed entry: its output is the same on
/// every page, so it is made once instead of by each page's loop.
pub const ENTRY_TEMPLATE: &str = "partials/nav-entry.html";

/// The template that writes an entry on the way to the page, around the
/// markup of its own list.
pub const OPEN_TEMPLATE: &str = "partials/nav-open.html";

/// A closed entry with its markup, also kept as the item's `html` (marked
/// safe) for templates that loop over the items.
fn with_markup(tera: &Tera, entry: Value) -> tera::TeraResult<Listed> {
    let mut context = Context::new();
    context.insert_value("entry", entry.clone());
    let html = tera.render(ENTRY_TEMPLATE, &context)?;
    // The context's copy shares the map: let it go, so the map is not copied.
    drop(context);
    let mut map = entry.into_map().expect("a navigation entry is a map");
    map.insert("html".into(), Value::safe_string(&html));
    Ok(Listed {
        item: Value::from(map),
        html,
    })
}

/// The markup of an entry on the way to the page, `children` the markup of
/// its list.
fn open_markup(tera: &Tera, item: &Value, children: &str) -> tera::TeraResult<String> {
    let mut context = Context::new();
    context.insert_value("entry", item.clone());
    context.insert_value("children", Value::safe_string(children));
    tera.render(OPEN_TEMPLATE, &context)
}

fn with_children(entry: Value, children: Vec<Value>) -> Value {
    let mut map = entry.into_map().expect("a navigation entry is a map");
    map.insert("children".into(), Value::from(children));
    Value::from(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_shown_whole() {
        assert_eq!(window(0, 0), (0, 0));
        assert_eq!(window(13, 12), (0, 13));
    }

    #[test]
    fn long_lists_show_a_window_around_the_focus() {
        assert_eq!(window(100, 0), (0, 13));
        assert_eq!(window(100, 50), (44, 57));
        // Near the end the window stays full-sized.
        assert_eq!(window(100, 98), (87, 100));
        assert_eq!(window(14, 13), (1, 14));
    }
}
