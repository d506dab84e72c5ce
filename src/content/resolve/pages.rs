//! Guides and the home page: guides keep their Markdown; the navigation
//! tree is built from their paths.

use std::collections::BTreeMap;

use super::{Resolver, is_valid_id};
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::targets::LinkTargets;

impl Resolver<'_> {
    /// Guides keep their Markdown, rendered (and their links checked) when
    /// their pages are written.
    pub(super) fn pages(&mut self, raw_pages: Vec<RawPage>) -> (Vec<Page>, Vec<NavNode>) {
        let mut pages: Vec<Page> = raw_pages
            .into_iter()
            .filter(|page| page.path.split('/').all(is_valid_id))
            .map(|raw_page| Page {
                path: raw_page.path,
                title: raw_page.title.map(|t| t.value).unwrap_or_default(),
                order: raw_page.order.map_or(i64::MAX, |o| o.value),
                file: raw_page.file,
                body: raw_page.body,
            })
            .collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        let nav = build_nav(&pages);
        (pages, nav)
    }

    pub(super) fn intro(&mut self, raw: &RawPage, links: &LinkTargets) -> Intro {
        let (body, _, sections) = self.markdown(&raw.file, &raw.body, false, links);
        Intro {
            title: raw
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            body,
            sections,
        }
    }
}

/// Folders and pages as a tree; siblings by `order`, then title.
fn build_nav(pages: &[Page]) -> Vec<NavNode> {
    #[derive(Default)]
    struct Folder {
        page: Option<usize>,
        children: BTreeMap<String, Folder>,
    }
    let mut root = Folder::default();
    for (index, page) in pages.iter().enumerate() {
        let mut folder = &mut root;
        for part in page.path.split('/') {
            folder = folder.children.entry(part.to_string()).or_default();
        }
        folder.page = Some(index);
    }
    fn to_nodes(folder: &Folder, prefix: &str, pages: &[Page]) -> Vec<NavNode> {
        let mut nodes: Vec<(i64, NavNode)> = folder
            .children
            .iter()
            .filter(|(name, _)| name.as_str() != "index" || prefix.is_empty())
            .map(|(name, child)| {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}/{name}")
                };
                // A folder's own page is `folder.md` beside it or `folder/index.md` inside it.
                let page = child
                    .page
                    .or_else(|| child.children.get("index").and_then(|i| i.page));
                let title = page.map_or_else(|| title_case(name), |p| pages[p].title.clone());
                let order = page.map_or(i64::MAX, |p| pages[p].order);
                let node = NavNode {
                    page,
                    title,
                    path: path.clone(),
                    children: to_nodes(child, &path, pages),
                };
                (order, node)
            })
            .collect();
        nodes.sort_by(|a, b| (a.0, &a.1.title, &a.1.path).cmp(&(b.0, &b.1.title, &b.1.path)));
        nodes.into_iter().map(|(_, node)| node).collect()
    }
    to_nodes(&root, "", pages)
}

fn title_case(name: &str) -> String {
    let spaced = name.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
