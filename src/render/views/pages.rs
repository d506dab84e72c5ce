//! Guides: the navigation tree, the page view and the guide's body.

use std::borrow::Cow;

use serde::Serialize;

use super::page_link;
use crate::content::model::{Book, NavNode};
use crate::markdown::{self, Heading, MarkdownOptions, MarkdownProblem, Rendered, Section};

/// One entry of a navigation list (see [`super::nav`]); `children` only
/// along the current path.
#[derive(Serialize, Clone)]
pub struct NavItem<'a> {
    pub href: Option<String>,
    pub title: Cow<'a, str>,
    pub current: bool,
    pub open: bool,
    pub children: Vec<NavItem<'a>>,
}

/// The whole page tree, for the pages index only.
pub fn page_tree(book: &Book) -> Vec<NavItem<'_>> {
    fn items<'a>(book: &'a Book, nodes: &'a [NavNode]) -> Vec<NavItem<'a>> {
        nodes
            .iter()
            .map(|node| NavItem {
                href: node.page.map(|p| page_link(book, p).href),
                title: Cow::Borrowed(&node.title),
                current: false,
                open: true,
                children: items(book, &node.children),
            })
            .collect()
    }
    items(book, &book.nav)
}

#[derive(Serialize)]
pub struct PageView<'a> {
    pub path: &'a str,
    pub title: &'a str,
    pub body: String,
    pub toc: Vec<Heading>,
    pub breadcrumbs: Vec<NavItem<'a>>,
}

/// A guide's body, rendered now: guides keep their Markdown in the model,
/// and their links were checked when the book was loaded.
pub fn guide_body(book: &Book, index: usize) -> Rendered {
    let options = MarkdownOptions {
        allow_html: book.config.markdown.allow_html,
        inline: false,
        plain: false,
    };
    markdown::render(&book.pages[index].body.text, options, &book.links)
}

/// A guide's page, its body's text by section (for search) and the body's
/// broken links, from its rendered `body` ([`guide_body`]).
pub fn page(
    book: &Book,
    index: usize,
    body: Rendered,
) -> (PageView<'_>, Vec<Section>, Vec<MarkdownProblem>) {
    let view = page_view(
        book,
        index,
        GuideBody {
            html: body.html,
            toc: body.headings,
        },
    );
    (view, body.sections, body.problems)
}

/// A guide's rendered body, as its page and the print edition show it.
#[derive(Debug, Clone)]
pub struct GuideBody {
    pub html: String,
    /// Its headings, which its table of contents is made of.
    pub toc: Vec<Heading>,
}

pub(super) fn page_view(book: &Book, index: usize, body: GuideBody) -> PageView<'_> {
    let p = &book.pages[index];
    let mut breadcrumbs = Vec::new();
    let mut nodes = &book.nav;
    let parts: Vec<&str> = p.path.split('/').collect();
    for depth in 1..parts.len() {
        let prefix = parts[..depth].join("/");
        let Some(node) = nodes.iter().find(|n| n.path == prefix) else {
            break;
        };
        breadcrumbs.push(NavItem {
            href: node.page.map(|p| page_link(book, p).href),
            title: Cow::Borrowed(&node.title),
            current: false,
            open: false,
            children: Vec::new(),
        });
        nodes = &node.children;
    }
    PageView {
        path: &p.path,
        title: &p.title,
        body: body.html,
        toc: body
            .toc
            .into_iter()
            .filter(|h| h.level == 2 || h.level == 3)
            .collect(),
        breadcrumbs,
    }
}
