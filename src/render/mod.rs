//! Model → HTML strings with tera. Never writes: `site` does.
//!
//! One [`Renderer`] parses the theme's templates once and renders any planned
//! page from the read-only model, so pages render in parallel. Internal links
//! come out behind the root marker and are made relative per page here.

pub mod chrome;
pub mod export;
pub mod memo;
pub mod nav;
pub mod radar;
pub mod search;
pub mod template_errors;
pub mod theme;
pub mod views;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use tera::{Context, Tera};

use crate::content::model::Book;
use crate::content::resolve::markdown_diagnostics;
use crate::diagnostics::Diagnostic;
use crate::markdown::{ROOT_MARKER, relativize_bytes};
use template_errors::template_failure;
use theme::{Theme, load_theme};

/// One HTML page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Matrix,
    LevelIndex,
    Level(usize),
    CompetencyIndex,
    Competency(usize),
    ArchetypeIndex,
    Archetype(usize),
    ScorecardIndex,
    Scorecard(usize),
    /// The open roles (issue 23): planned only when the book has roles, so
    /// a book without them builds as before.
    RoleIndex,
    Role(usize),
    PageIndex,
    Page(usize),
    Assess,
    Print,
    NotFound,
    /// The releases `[history]` publishes, newest first (issue 17).
    ChangesIndex,
    /// One release's changes (index into `Published::releases`).
    Release(usize),
    /// "Pay and progression", only when the book publishes pay (issue 27).
    Pay,
}

/// A page and the address it is published at (spec: the published site's addresses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPage {
    pub kind: PageKind,
    /// `/`-separated path below the output root, e.g. `levels/sre-1.html`.
    pub path: String,
}

/// The pages every book has, first in the plan. The chrome renders a header
/// for each of their sections, which are all the sections there are: every
/// item's page is in the folder of its kind's index page.
pub const FIXED_PAGES: [(PageKind, &str); 10] = [
    (PageKind::Home, "index.html"),
    (PageKind::Matrix, "matrix.html"),
    (PageKind::LevelIndex, "levels/index.html"),
    (PageKind::CompetencyIndex, "competencies/index.html"),
    (PageKind::ArchetypeIndex, "archetypes/index.html"),
    (PageKind::ScorecardIndex, "scorecards/index.html"),
    (PageKind::PageIndex, "pages/index.html"),
    (PageKind::Assess, "assess.html"),
    (PageKind::Print, "print.html"),
    (PageKind::NotFound, "404.html"),
];

/// The Changes section's index, in books with `[history]`.
pub const CHANGES_INDEX: &str = "changes/index.html";
/// The list of open roles, in the plan only when the book has roles.
pub const ROLE_INDEX: &str = "roles/index.html";

/// Every HTML page of the book, in a fixed order.
pub fn plan_pages(book: &Book) -> Vec<PlannedPage> {
    let mut plan: Vec<PlannedPage> = FIXED_PAGES
        .iter()
        .map(|(kind, path)| PlannedPage {
            kind: kind.clone(),
            path: (*path).into(),
        })
        .collect();
    let items = [
        (
            book.levels
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>(),
            "levels",
            PageKind::Level as fn(usize) -> PageKind,
        ),
        (
            // Level-wide aspects come last and have no page (issue 25).
            book.competencies
                .iter()
                .filter(|c| !c.level_wide)
                .map(|c| c.id.as_str())
                .collect(),
            "competencies",
            PageKind::Competency,
        ),
        (
            book.archetypes.iter().map(|a| a.id.as_str()).collect(),
            "archetypes",
            PageKind::Archetype,
        ),
        (
            book.scorecards.iter().map(|s| s.id.as_str()).collect(),
            "scorecards",
            PageKind::Scorecard,
        ),
        (
            book.pages.iter().map(|p| p.path.as_str()).collect(),
            "pages",
            PageKind::Page,
        ),
    ];
    if let Some(published) = &book.history {
        plan.push(PlannedPage {
            kind: PageKind::ChangesIndex,
            path: CHANGES_INDEX.into(),
        });
        for (index, release) in published.releases.iter().enumerate() {
            plan.push(PlannedPage {
                kind: PageKind::Release(index),
                path: format!("changes/{}.html", release.slug),
            });
        }
    }
    if book.published_pay().is_some() {
        plan.push(PlannedPage {
            kind: PageKind::Pay,
            path: views::PAY_PAGE.into(),
        });
    }
    if !book.roles.is_empty() {
        plan.push(PlannedPage {
            kind: PageKind::RoleIndex,
            path: ROLE_INDEX.into(),
        });
        plan.extend(
            book.roles
                .iter()
                .enumerate()
                .map(|(index, role)| PlannedPage {
                    kind: PageKind::Role(index),
                    path: format!("roles/{}.html", role.id),
                }),
        );
    }
    for (ids, folder, kind) in items {
        for (index, id) in ids.into_iter().enumerate() {
            // `pages/index.md` would collide with the generated page list.
            if folder == "pages" && id == "index" {
                continue;
            }
            plan.push(PlannedPage {
                kind: kind(index),
                path: format!("{folder}/{id}.html"),
            });
        }
    }
    plan
}

/// The order pages render in, as positions in the plan: the guides the
/// print edition carries first, since the print edition reuses their
/// bodies; then the print edition, the other guides and the other pages
/// together (the search index follows the guides).
pub struct RenderOrder {
    /// The guides the print edition carries: rendered first, so that it
    /// can render while the other pages do.
    pub print_guides: Vec<usize>,
    pub other_guides: Vec<usize>,
    pub print: Option<usize>,
    pub others: Vec<usize>,
}

/// Which guides' bodies a page reads ([`Renderer::body_reads`]).
pub enum BodyReads {
    /// These guides', by index into `Book::pages`.
    Guides(Vec<usize>),
}

/// The way from a page back to the site root: `""`, `"../"`, `"../../"`...
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Why rendering failed: problems of the book the author can fix (a
/// template of theirs, a broken link in a guide) or the tool itself.
#[derive(Debug)]
pub enum RenderFailure {
    Book(Vec<Diagnostic>),
    Tool(anyhow::Error),
}

impl From<anyhow::Error> for RenderFailure {
    fn from(err: anyhow::Error) -> Self {
        RenderFailure::Tool(err)
    }
}

pub struct Renderer<'b> {
    book: &'b Book,
    tera: Tera,
    theme: Theme,
    /// Which guides the print edition carries, by page index.
    in_print: Vec<bool>,
    /// Their bodies, kept as their pages render for the print edition to
    /// reuse (see [`RenderOrder`]).
    print_bodies: Mutex<HashMap<usize, views::GuideBody>>,
    nav: nav::PageNav<'b>,
    chrome: chrome::Chrome,
    /// Guides' bodies of the last build, when there was one (`serve`).
    bodies: Option<&'b memo::BodyMemo>,
    /// The interface's words (`t` in templates), for the titles made here.
    words: crate::strings::Strings,
}

#[derive(Serialize)]
struct SiteContext<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    /// `rtl` for a right-to-left language, else `ltr` (issue 22).
    dir: &'static str,
    authors: &'a [String],
    version: &'a str,
    base_url: Option<&'a str>,
    tracks: Vec<views::TrackSummary<'a>>,
    has_archetypes: bool,
    has_scorecards: bool,
    has_roles: bool,
    has_pages: bool,
    /// A Changes section (`[history]`, issue 17).
    has_changes: bool,
    generator: &'static str,
}

/// A theme's templates, parsed: all a [`Renderer`] needs besides the book,
/// so a build can parse them while the content loads.
pub struct Templates {
    /// The theme's name, as `[build] theme` gives it.
    pub name: String,
    tera: Tera,
    theme: Theme,
}

impl Templates {
    /// Parses every template of the theme once. A syntax error in a book's
    /// template is a diagnostic; in a built-in template, a bug.
    pub fn load(root: &Path, name: &str) -> Result<Templates, RenderFailure> {
        let theme = load_theme(root, name)?;
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        let pairs: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.source.as_str()))
            .collect();
        if let Err(err) = tera.add_raw_templates(pairs) {
            return Err(template_failure(&err, &theme));
        }
        Ok(Templates {
            name: name.to_string(),
            tera,
            theme,
        })
    }
}

/// Each script's words as JSON for a `<script type="application/json">`
/// element (`{{ script_words.search | safe }}`): escaped so that no word,
/// however a book writes it, can end the element or open markup.
fn script_words(words: &crate::strings::Strings) -> BTreeMap<&'static str, String> {
    crate::strings::script_words(words)
        .into_iter()
        .map(|(script, own)| {
            let json = serde_json::to_string(&own).expect("words always serialize");
            (script, search::script_safe(json))
        })
        .collect()
}

impl<'b> Renderer<'b> {
    /// Loads the book's theme and makes a renderer of it.
    pub fn new(book: &'b Book, root: &Path) -> Result<Renderer<'b>, RenderFailure> {
        let templates = Templates::load(root, &book.config.build.theme)?;
        Renderer::with_templates(book, templates)
    }

    /// A renderer of `book` with its theme's templates, parsed already.
    pub fn with_templates(
        book: &'b Book,
        templates: Templates,
    ) -> Result<Renderer<'b>, RenderFailure> {
        let Templates {
            mut tera, theme, ..
        } = templates;
        let site = SiteContext {
            title: &book.config.book.title,
            description: book.config.book.description.as_deref(),
            language: &book.config.book.language,
            dir: crate::strings::direction(&book.config.book.language),
            authors: &book.config.book.authors,
            version: &book.version,
            base_url: book.config.site.base_url.as_deref(),
            tracks: views::tracks(book),
            has_archetypes: !book.archetypes.is_empty(),
            has_scorecards: !book.scorecards.is_empty(),
            has_roles: !book.roles.is_empty(),
            has_pages: !book.pages.is_empty(),
            has_changes: book.history.is_some(),
            generator: concat!("ladderbook ", env!("CARGO_PKG_VERSION")),
        };
        let global = tera.global_context();
        global.insert("site", &site);
        global.insert("root", &ROOT_MARKER.to_string());
        let words = crate::strings::merged(&[&theme.strings, &book.config.strings]);
        global.insert("t", &words);
        global.insert("script_words", &script_words(&words));
        let mut in_print = vec![false; book.pages.len()];
        for index in views::print_guides(book) {
            in_print[index] = true;
        }
        let chrome = match chrome::Chrome::render(&tera, book) {
            Ok(chrome) => chrome,
            Err(err) => return Err(template_failure(&err, &theme)),
        };
        Ok(Renderer {
            book,
            tera,
            theme,
            in_print,
            print_bodies: Mutex::default(),
            nav: nav::PageNav::new(book),
            chrome,
            bodies: None,
            words,
        })
    }

    /// Renders guides' bodies through `memo`, reusing what the last build
    /// rendered of the same text (see [`memo`]).
    pub fn remembering(mut self, memo: &'b memo::BodyMemo) -> Self {
        memo.begin(self.book);
        self.bodies = Some(memo);
        self
    }

    pub fn render_order(&self, plan: &[PlannedPage]) -> RenderOrder {
        let mut order = RenderOrder {
            print_guides: Vec::new(),
            other_guides: Vec::new(),
            print: None,
            others: Vec::new(),
        };
        for (position, page) in plan.iter().enumerate() {
            match page.kind {
                PageKind::Print => order.print = Some(position),
                PageKind::Page(i) if self.in_print[i] => order.print_guides.push(position),
                PageKind::Page(_) => order.other_guides.push(position),
                _ => order.others.push(position),
            }
        }
        order
    }

    /// Which guides' bodies the bytes of a page of `kind` depend on: what
    /// [`Renderer::render`] reads of them (`site::inputs`). A guide's body is
    /// read only through `views::guide_body`: by its own page, the print
    /// edition and the search shards. Every other page shows guides by their
    /// front matter (titles, the tree), which `Book::inputs` covers whole.
    /// Each kind is named, with no catch-all, so a kind added later is a
    /// decision here rather than a page silently reused.
    pub fn body_reads(&self, kind: &PageKind) -> BodyReads {
        match kind {
            PageKind::Page(i) => BodyReads::Guides(vec![*i]),
            PageKind::Print => BodyReads::Guides(views::print_guides(self.book)),
            PageKind::Home
            | PageKind::Matrix
            | PageKind::LevelIndex
            | PageKind::Level(_)
            | PageKind::CompetencyIndex
            | PageKind::Competency(_)
            | PageKind::ArchetypeIndex
            | PageKind::Archetype(_)
            | PageKind::ScorecardIndex
            | PageKind::Scorecard(_)
            | PageKind::RoleIndex
            | PageKind::Role(_)
            | PageKind::PageIndex
            | PageKind::Assess
            | PageKind::NotFound
            | PageKind::ChangesIndex
            | PageKind::Release(_)
            | PageKind::Pay => BodyReads::Guides(Vec::new()),
        }
    }

    /// A guide's entries of the search index without rendering its page,
    /// for a page that was reused but whose entries are not at hand.
    pub fn search_entries(&self, page: &PlannedPage) -> Option<String> {
        let PageKind::Page(i) = page.kind else {
            return None;
        };
        let (view, sections, _) = views::page(self.book, i, views::guide_body(self.book, i));
        Some(search::guide_entries(view.title, &page.path, &sections))
    }

    /// One word of the interface, by a key of the strings table.
    fn word(&self, key: &str) -> String {
        self.words
            .get(key)
            .cloned()
            .expect("the strings table has every key the renderer uses")
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    fn print_bodies(&self) -> std::sync::MutexGuard<'_, HashMap<usize, views::GuideBody>> {
        self.print_bodies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The guides' navigation on a page (see [`nav::PageNav::for_page`]).
    fn nav_for(&self, current: Option<&str>) -> Result<nav::Navigation, RenderFailure> {
        self.nav
            .for_page(&self.tera, current)
            .map_err(|err| template_failure(&err, &self.theme))
    }

    /// Renders one page to its final HTML (links relative to its address).
    pub fn render(&self, page: &PlannedPage) -> Result<RenderedPage, RenderFailure> {
        let book = self.book;
        let mut search_entries = None;
        let mut body_len = 0;
        let mut ctx = Context::new();
        ctx.insert("path", &page.path);
        ctx.insert("section", section_of(&page.path));
        ctx.insert_value("chrome", self.chrome.for_page(&page.path));
        ctx.insert("pay_published", &book.published_pay().is_some());
        let (template, title) = match &page.kind {
            PageKind::Home => {
                ctx.insert("intro", &book.index.as_ref().map(|p| p.body.html.as_str()));
                ctx.insert("archetypes", &views::archetype_summaries(book));
                ctx.insert("scorecards", &views::scorecard_summaries(book));
                ctx.insert_value("pages", self.nav_for(None)?.items);
                (
                    "index.html",
                    book.index
                        .as_ref()
                        .map(|p| p.title.clone())
                        .filter(|t| !t.is_empty()),
                )
            }
            PageKind::Matrix => {
                ctx.insert("matrix", &views::matrix(book));
                ctx.insert("cumulative", &book.cumulative());
                ("matrix.html", Some(self.word("matrix_title")))
            }
            PageKind::LevelIndex => ("levels.html", Some(self.word("nav_levels"))),
            PageKind::Level(i) => {
                ctx.insert("level", &views::level(book, *i));
                ("level.html", Some(book.levels[*i].name.clone()))
            }
            PageKind::CompetencyIndex => {
                ctx.insert("areas", &views::areas(book));
                ("competencies.html", Some(self.word("nav_competencies")))
            }
            PageKind::Competency(i) => {
                ctx.insert("competency", &views::competency(book, *i));
                ("competency.html", Some(book.competencies[*i].name.clone()))
            }
            PageKind::ArchetypeIndex => {
                ctx.insert("archetypes", &views::archetype_summaries(book));
                ("archetypes.html", Some(self.word("nav_archetypes")))
            }
            PageKind::Archetype(i) => {
                ctx.insert(
                    "archetype",
                    &views::archetype(book, *i, &self.word("archetype_radar_title")),
                );
                ("archetype.html", Some(book.archetypes[*i].name.clone()))
            }
            PageKind::ScorecardIndex => {
                ctx.insert("scorecards", &views::scorecard_summaries(book));
                ("scorecards.html", Some(self.word("nav_scorecards")))
            }
            PageKind::Scorecard(i) => {
                ctx.insert("scorecard", &views::scorecard(book, *i));
                ("scorecard.html", Some(book.scorecards[*i].title.clone()))
            }
            PageKind::RoleIndex => {
                ctx.insert("roles", &views::role_summaries(book, &self.words));
                ("roles.html", Some(self.word("nav_roles")))
            }
            PageKind::Role(i) => {
                ctx.insert(
                    "role",
                    &views::role(book, *i, &self.words, &root_prefix(&page.path)),
                );
                ("role.html", Some(book.roles[*i].title.clone()))
            }
            PageKind::PageIndex => {
                ctx.insert("tree", &views::page_tree(book));
                ("pages.html", Some(self.word("nav_guides")))
            }
            PageKind::Page(i) => {
                // A guide's body is rendered only here, so its search
                // entries are made from the same pass.
                let body = match self.bodies {
                    Some(memo) => memo.body(book, *i),
                    None => views::guide_body(book, *i),
                };
                let (view, sections, problems) = views::page(book, *i, body);
                if self.in_print[*i] {
                    let body = views::GuideBody {
                        html: view.body.clone(),
                        toc: view.toc.clone(),
                    };
                    self.print_bodies().insert(*i, body);
                }
                if !problems.is_empty() {
                    let page = &book.pages[*i];
                    return Err(RenderFailure::Book(markdown_diagnostics(
                        &page.file, &page.body, &problems,
                    )));
                }
                search_entries = Some(search::guide_entries(view.title, &page.path, &sections));
                body_len = view.body.len();
                ctx.insert("page", &view);
                let nav = self.nav_for(Some(&book.pages[*i].path))?;
                ctx.insert_value("nav_pages", nav.items);
                ctx.insert_value("nav_html", tera::Value::safe_string(&nav.html));
                ("page.html", Some(book.pages[*i].title.clone()))
            }
            PageKind::Assess => {
                ctx.insert("assess", &views::assess(book));
                ctx.insert("rating_notes", &views::rating_notes(&self.words));
                ctx.insert("assess_history", &views::assess_history(book, &self.words));
                ("assess.html", Some(self.word("nav_assess")))
            }
            PageKind::Print => {
                let rendered = std::mem::take(&mut *self.print_bodies());
                ctx.insert("print", &views::print(book, rendered));
                (
                    "print.html",
                    Some(format!(
                        "{} {}",
                        book.config.book.title,
                        self.word("print_edition_title")
                    )),
                )
            }
            PageKind::NotFound => ("404.html", Some(self.word("not_found_title"))),
            PageKind::ChangesIndex => {
                let published = published(book);
                ctx.insert("releases", &views::releases(published));
                ("changes.html", Some(self.word("nav_changes")))
            }
            PageKind::Release(i) => {
                let published = published(book);
                let release = &published.releases[*i];
                ctx.insert("release", &views::release(book, published, *i));
                (
                    "release.html",
                    Some(format!("{} {}", self.word("release_title"), release.name)),
                )
            }
            PageKind::Pay => {
                ctx.insert("pay", &views::pay_page(book));
                ("pay.html", Some(self.word("pay_title")))
            }
        };
        ctx.insert("title", &title);
        ctx.insert(
            "canonical",
            &book
                .config
                .site
                .base_url
                .as_ref()
                .map(|base| format!("{base}{}", page.path)),
        );
        // Written into a buffer sized for the page: tera's own `render`
        // grows one from empty and checks the result for UTF-8 again.
        let mut html = Vec::with_capacity(body_len + 16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut html)
            .map_err(|err| template_failure(&err, &self.theme))?;
        let root = if page.kind == PageKind::NotFound {
            // A 404 page is served at any depth: its links cannot be relative.
            book.config
                .site
                .base_url
                .clone()
                .unwrap_or_else(|| "/".into())
        } else {
            root_prefix(&page.path)
        };
        Ok(RenderedPage {
            html: relativize_bytes(&html, &root),
            search_entries,
        })
    }
}

/// The releases of a book whose plan has Changes pages.
fn published(book: &Book) -> &crate::history::published::Published {
    book.history
        .as_deref()
        .expect("Changes pages are planned only for a book with releases")
}

/// The part of the site a page belongs to, for templates to mark it in
/// menus: its folder (`levels`, `pages`...), or for a page at the root its
/// name without `.html` (`index`, `matrix`, `assess`...). A comparison with
/// it is cheaper in tera than a test on `path`, and every page makes several.
pub fn section_of(path: &str) -> &str {
    match path.split_once('/') {
        Some((folder, _)) => folder,
        None => path.strip_suffix(".html").unwrap_or(path),
    }
}

/// A page's final HTML, and for a guide its entries of the search index.
pub struct RenderedPage {
    /// UTF-8 (tera writes nothing else), kept as the bytes that are written.
    pub html: Vec<u8>,
    pub search_entries: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("levels/sre-1.html"), "../");
        assert_eq!(root_prefix("pages/growth/mid.html"), "../../");
    }

    #[test]
    fn a_pages_section_is_its_folder_or_its_own_name() {
        assert_eq!(section_of("levels/sre-1.html"), "levels");
        assert_eq!(section_of("pages/growth/mid.html"), "pages");
        assert_eq!(section_of("matrix.html"), "matrix");
        assert_eq!(section_of("index.html"), "index");
    }
}
