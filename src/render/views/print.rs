//! The print edition: every item on one page, anchors made unique.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::levels::*;
use super::pages::page_view;
use super::{
    ArchetypeView, CompetencyView, GuideBody, MatrixTrack, PageView, ScorecardView, archetype,
    competency, guide_body, level, matrix, scorecard,
};
use crate::content::model::Book;

/// An item of the print edition with its body's anchors made unique: many
/// bodies share one page there, and two "Overview" headings must not both
/// be `id="overview"`.
#[derive(Serialize)]
pub struct PrintItem<T> {
    #[serde(flatten)]
    pub item: T,
    pub scoped_body: String,
}

fn scoped(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace("href=\"#", &format!("href=\"#{prefix}-"))
}

/// What [`print_body`] rewrites: anchors, then each heading's tags from `h1`
/// to `h5`.
const PRINT_BODY_PATTERNS: [&str; 12] = [
    " id=\"", "href=\"#", "<h1", "<h2", "<h3", "<h4", "<h5", "</h1>", "</h2>", "</h3>", "</h4>",
    "</h5>",
];

/// An item's body in the print edition, where it sits below the item's
/// `<h3>`: its ids scoped, its headings two levels down (`<h2>` → `<h4>`,
/// at most `<h6>`), so the page's outline skips no level. One pass over the
/// text: the print edition carries hundreds of bodies.
fn print_body(html: &str, prefix: &str) -> String {
    static PATTERNS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        aho_corasick::AhoCorasick::new(PRINT_BODY_PATTERNS).expect("fixed patterns build")
    });
    let shifted = |level: usize| (level + 2).min(6);
    let replacements: Vec<String> = [format!(" id=\"{prefix}-"), format!("href=\"#{prefix}-")]
        .into_iter()
        .chain((1..=5).map(|level| format!("<h{}", shifted(level))))
        .chain((1..=5).map(|level| format!("</h{}>", shifted(level))))
        .collect();
    patterns.replace_all(html, &replacements)
}

#[derive(Serialize)]
pub struct PrintView<'a> {
    pub intro: Option<String>,
    pub matrix: Vec<MatrixTrack<'a>>,
    pub levels: Vec<PrintItem<LevelView<'a>>>,
    pub competencies: Vec<PrintItem<CompetencyView<'a>>>,
    pub archetypes: Vec<PrintItem<ArchetypeView<'a>>>,
    pub scorecards: Vec<ScorecardView<'a>>,
    pub pages: Vec<PrintItem<PageView<'a>>>,
    /// Free pages left out of the print edition (beyond [`PRINT_PAGE_LIMIT`]).
    pub omitted_pages: usize,
}

/// The most free pages the print edition carries. A handbook with thousands
/// of guides would make a print page no browser can open or print; those
/// guides print from their own pages instead.
pub const PRINT_PAGE_LIMIT: usize = 300;

/// The guides the print edition carries, by index into `book.pages`.
pub fn print_guides(book: &Book) -> Vec<usize> {
    (0..book.pages.len())
        .filter(|&i| book.pages[i].path != "index")
        .take(PRINT_PAGE_LIMIT)
        .collect()
}

/// The whole handbook on one page (like mdBook's print.html). `rendered`
/// has the bodies of the guides of [`print_guides`] whose pages were
/// rendered already; the others are rendered here.
pub fn print(book: &Book, mut rendered: HashMap<usize, GuideBody>) -> PrintView<'_> {
    PrintView {
        intro: book.index.as_ref().map(|p| scoped(&p.body.html, "intro")),
        matrix: matrix(book),
        levels: (0..book.levels.len())
            .map(|i| {
                let view = level(book, i);
                let scoped_body = print_body(view.body, &format!("level-{}", view.id));
                PrintItem {
                    item: view,
                    scoped_body,
                }
            })
            .collect(),
        competencies: book
            .areas
            .iter()
            .filter(|a| !a.level_wide)
            .flat_map(|a| a.competencies.iter().copied())
            .map(|i| {
                let view = competency(book, i);
                let scoped_body = view
                    .description
                    .map(|d| print_body(d, &format!("competency-{}", view.id)))
                    .unwrap_or_default();
                PrintItem {
                    item: view,
                    scoped_body,
                }
            })
            .collect(),
        archetypes: (0..book.archetypes.len())
            .map(|i| {
                let mut view = archetype(book, i, "");
                // The print edition lists the weights; no chart ids to clash.
                view.radar = String::new();
                let scoped_body = print_body(view.body, &format!("archetype-{}", view.id));
                PrintItem {
                    item: view,
                    scoped_body,
                }
            })
            .collect(),
        scorecards: (0..book.scorecards.len())
            .map(|i| scorecard(book, i))
            .collect(),
        omitted_pages: book
            .pages
            .iter()
            .filter(|p| p.path != "index")
            .count()
            .saturating_sub(PRINT_PAGE_LIMIT),
        pages: print_guides(book)
            .into_iter()
            .map(|i| (i, rendered.remove(&i)))
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, body)| {
                let body = body.unwrap_or_else(|| {
                    let rendered = guide_body(book, i);
                    GuideBody {
                        html: rendered.html,
                        toc: rendered.headings,
                    }
                });
                let view = page_view(book, i, body);
                let scoped_body =
                    print_body(&view.body, &format!("page-{}", view.path.replace('/', "-")));
                PrintItem {
                    item: view,
                    scoped_body,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_bodies_nest_below_their_item_heading() {
        assert_eq!(
            print_body(
                "<h1 id=\"a\">A</h1><h2 id=\"b\">B <a href=\"#a\">x</a></h2><h5>C</h5><h6>D</h6><hr>",
                "level-x"
            ),
            "<h3 id=\"level-x-a\">A</h3><h4 id=\"level-x-b\">B <a href=\"#level-x-a\">x</a></h4><h6>C</h6><h6>D</h6><hr>"
        );
    }
}
