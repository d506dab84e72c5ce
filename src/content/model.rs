//! The resolved, validated book: what every renderer consumes without
//! re-checking. Items refer to each other by index into the `Book`'s vectors;
//! those indices are valid by construction (see `resolve`).

use crate::config::Config;
use crate::content::raw::Md;
use crate::content::source::StaticFile;
use crate::content::targets::LinkTargets;
use crate::markdown::{Heading, Section};

/// Rendered Markdown: HTML with internal links behind the root marker, the
/// same text without markup, and the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Html {
    pub html: String,
    pub plain: String,
    /// The Markdown as written, for exports that must round-trip.
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub description: Option<Html>,
    /// Indices into `Book::levels`, by rank, junior first.
    pub levels: Vec<usize>,
    /// The one track of a book without `tracks.yaml`: its name ("Levels")
    /// is not the author's, so pages do not show it as a heading (issue 25).
    pub implicit: bool,
}

#[derive(Debug, Clone)]
pub struct Level {
    pub id: String,
    pub title: String,
    /// How running text names the level: the title, or "Title (CODE)" when
    /// another level of the book has the same title (issue 25).
    pub name: String,
    pub code: Option<String>,
    pub track: usize,
    pub rank: i64,
    pub summary: Option<Html>,
    pub years: Option<String>,
    pub equivalent: Option<usize>,
    pub body: Html,
    pub headings: Vec<Heading>,
    /// The body's text split at its headings, for search.
    pub sections: Vec<Section>,
    /// The next lower and higher rank in the same track.
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

impl Level {
    /// The short label shown in tables: the code, else the title.
    pub fn label(&self) -> &str {
        self.code.as_deref().unwrap_or(&self.title)
    }
}

#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub slug: String,
    /// Indices into `Book::competencies`, in display order.
    pub competencies: Vec<usize>,
    /// The group of competencies written without an `area` (named by
    /// `[ladder] default-area`). A book whose only area is this one shows
    /// no area headings.
    pub implicit: bool,
    /// The band of level-wide aspects (issue 25): always first, named by
    /// the interface's words rather than by the author.
    pub level_wide: bool,
}

/// One expected behaviour, with the examples that illustrate it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: Html,
    pub examples: Vec<Html>,
}

/// What a competency expects at one level.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The entry's items: in a replace book the level's own entry or the
    /// one carried over; in a cumulative book only what is new at this
    /// level (possibly nothing, when everything comes from below).
    pub items: Vec<Item>,
    /// The level whose entry this is: the level itself, or for a carried-over
    /// entry the nearest lower rank that has one.
    pub source_level: usize,
    /// Cumulative books: the lower levels of the track whose own items this
    /// level still expects, junior first. Their items are
    /// `cells[level].items` of the same competency. Empty in replace books.
    pub inherited: Vec<usize>,
    /// The owners' note on this level's entry (issue 25): never carried
    /// over, never rated.
    pub note: Option<Html>,
}

impl Cell {
    pub fn carried_from(&self, level: usize) -> Option<usize> {
        (self.source_level != level).then_some(self.source_level)
    }
}

#[derive(Debug, Clone)]
pub struct Competency {
    pub id: String,
    pub name: String,
    pub area: usize,
    pub summary: Option<Html>,
    pub description: Option<Html>,
    /// Indexed like `Book::levels`; `None` where the competency is not expected.
    pub cells: Vec<Option<Cell>>,
    /// The levels whose entry is `[]`: the competency ends there in its
    /// track, and carry-over stops (issue 25). Sorted.
    pub ends: Vec<usize>,
    /// A level-wide aspect (`[ladder] aspects`, issue 25), not a
    /// competency: no page of its own, never in archetypes or scorecards.
    pub level_wide: bool,
}

impl Competency {
    /// The level at or below `level`, in its track, where this competency
    /// ended and was not taken up again: `None` when it did not end.
    pub fn ended_at(&self, levels: &[Level], level: usize) -> Option<usize> {
        let mut at = Some(level);
        while let Some(index) = at {
            if self.cells[index].is_some() {
                return None;
            }
            if self.ends.contains(&index) {
                return Some(index);
            }
            at = levels[index].previous;
        }
        None
    }
}

#[derive(Debug, Clone)]
pub struct Archetype {
    pub id: String,
    pub name: String,
    pub tagline: Option<Html>,
    /// Competency index and weight 1..=5, heaviest first.
    pub emphasis: Vec<(usize, u8)>,
    pub levels: Vec<usize>,
    pub body: Html,
    pub headings: Vec<Heading>,
    /// The body's text split at its headings, for search.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ScaleStep {
    pub id: String,
    pub label: String,
    pub value: i64,
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub competency: usize,
    pub meets: Option<Html>,
    pub exceeds: Option<Html>,
}

#[derive(Debug, Clone)]
pub struct Interview {
    pub id: String,
    pub title: String,
    pub minutes: Option<i64>,
    pub brief: Option<Html>,
    /// Indices into the scorecard's `dimensions`.
    pub focus: Vec<usize>,
    pub questions: Vec<Html>,
}

#[derive(Debug, Clone, Default)]
pub struct Signals {
    pub strong: Vec<Html>,
    pub weak: Vec<Html>,
    pub red_flags: Vec<Html>,
}

#[derive(Debug, Clone)]
pub struct Scorecard {
    pub id: String,
    pub title: String,
    pub levels: Vec<usize>,
    pub archetype: Option<usize>,
    pub scale: Vec<ScaleStep>,
    pub dimensions: Vec<Dimension>,
    pub interviews: Vec<Interview>,
    pub signals: Signals,
}

pub use crate::content::raw::role::Remote;

/// A salary band as a role publishes it (schema.org `baseSalary`).
#[derive(Debug, Clone, PartialEq)]
pub struct Salary {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// An ISO 4217 code, checked against the list.
    pub currency: String,
    /// `YEAR`, `MONTH`, `WEEK`, `DAY` or `HOUR`.
    pub per: String,
}

/// A job posting built on a level (issue 23): its own facts here, the
/// expectations, interviews and emphasis from the level, scorecard and
/// archetype it names.
#[derive(Debug, Clone)]
pub struct Role {
    pub id: String,
    /// The source file, for problems found later.
    pub file: String,
    /// The posting's title; the level's title when the role gives none.
    pub title: String,
    pub level: usize,
    pub archetype: Option<usize>,
    pub scorecard: Option<usize>,
    pub team: Option<String>,
    /// Places as written (`City, Country`): where the work is, or for a
    /// remote role where applicants may live.
    pub locations: Vec<String>,
    /// `None` when the role does not say.
    pub remote: Option<Remote>,
    /// schema.org `employmentType` values.
    pub employment_types: Vec<String>,
    /// The band as the role writes it; `posting::band` decides what is shown.
    pub salary: Option<Salary>,
    /// The pay zone whose band of the role's level the posting takes when
    /// it writes no `salary` (issue 27), as written.
    pub zone: Option<crate::decode::At<String>>,
    /// Where the front matter starts and where `salary` is written, for the
    /// pay checks that run once the bands are known (`pay::roles`).
    pub pos: crate::node::Pos,
    pub salary_pos: Option<crate::node::Pos>,
    /// ISO 8601 dates (`YYYY-MM-DD`), checked.
    pub posted: Option<String>,
    pub valid_through: Option<String>,
    /// Where to apply: an absolute URL.
    pub apply: Option<String>,
    /// The posting's own text (about the team, the role, its variants).
    pub body: Html,
}

/// A guide: a free page under `pages/`. Its body stays Markdown and is
/// rendered, its links checked, when its page is written: the HTML of ten
/// thousand guides would be most of a large book's model, and rendering
/// once is faster than checking on loading and rendering later.
#[derive(Debug, Clone)]
pub struct Page {
    /// Below `pages/`, without `.md`: `growth/mid-level`.
    pub path: String,
    pub title: String,
    pub order: i64,
    /// The source file, for problems found on rendering.
    pub file: String,
    /// The Markdown body as written, with its place in the file.
    pub body: Md,
}

/// The home page's own text (`index.md`), rendered once on loading.
#[derive(Debug, Clone)]
pub struct Intro {
    pub title: String,
    pub body: Html,
    /// The body's text split at its headings, for search.
    pub sections: Vec<Section>,
}

/// A node of the free pages' navigation tree (folders and pages).
#[derive(Debug, Clone, PartialEq)]
pub struct NavNode {
    /// The page's index in `Book::pages`, or `None` for a folder without one.
    pub page: Option<usize>,
    pub title: String,
    pub path: String,
    pub children: Vec<NavNode>,
}

/// The whole validated book.
#[derive(Debug, Clone)]
pub struct Book {
    pub config: Config,
    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
    pub areas: Vec<Area>,
    pub competencies: Vec<Competency>,
    pub archetypes: Vec<Archetype>,
    pub scorecards: Vec<Scorecard>,
    /// Job postings, by title then id.
    pub roles: Vec<Role>,
    pub pages: Vec<Page>,
    pub nav: Vec<NavNode>,
    pub index: Option<Intro>,
    /// Every id's address, for rendering guides' `@/` links.
    pub links: LinkTargets,
    pub statics: Vec<StaticFile>,
    /// Content hash of every source file: the ladder's version.
    pub version: String,
    /// A hash of every input but the guides' bodies (`book.toml`, every
    /// content file, guides' front matter, static files' addresses): with
    /// the bodies, what decides whether a page must be rendered again.
    pub inputs: u128,
    /// The releases `[history]` publishes, read from the repository after
    /// loading (`history::published::attach`); `None` without `[history]`.
    pub history: Option<std::sync::Arc<crate::history::published::Published>>,
    /// The pay bands of `content/pay.yaml`, checked against the levels
    /// (issue 27); shown only through [`Book::published_pay`].
    pub pay: Option<crate::pay::Pay>,
}

impl Book {
    /// The pay bands when `[pay] publish = true`: the one way renderers and
    /// exports reach pay figures, so none leaks from an unpublished book.
    pub fn published_pay(&self) -> Option<&crate::pay::Pay> {
        self.pay.as_ref().filter(|_| self.config.pay.publish)
    }

    #[cfg(test)]
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|level| level.id == id)
    }

    #[cfg(test)]
    pub fn competency_index(&self, id: &str) -> Option<usize> {
        self.competencies.iter().position(|c| c.id == id)
    }

    /// Whether levels add up (`[ladder] expectations = "cumulative"`).
    pub fn cumulative(&self) -> bool {
        self.config.ladder.expectations == crate::config::ExpectationMode::Cumulative
    }

    /// Whether the book groups its competencies into areas worth a heading:
    /// not when every competency was written without one.
    pub fn shows_areas(&self) -> bool {
        !self
            .areas
            .iter()
            .all(|area| area.implicit || area.level_wide)
    }

    /// Whether the book has level-wide aspects with expectations.
    pub fn has_aspects(&self) -> bool {
        self.areas.first().is_some_and(|area| area.level_wide)
    }

    /// The heading of an area on pages: nothing in a book without areas.
    pub fn area_heading(&self, area: usize) -> &str {
        if self.shows_areas() {
            &self.areas[area].name
        } else {
            ""
        }
    }

    /// Every item a level expects of one competency with the level that
    /// introduced it: the cell's own items, then (cumulative books) the
    /// inherited ones, junior level first.
    pub fn items_expected(&self, competency: usize, level: usize) -> Vec<(usize, &Item)> {
        let cells = &self.competencies[competency].cells;
        let Some(cell) = &cells[level] else {
            return Vec::new();
        };
        let mut items: Vec<(usize, &Item)> = cell
            .items
            .iter()
            .map(|item| (cell.source_level, item))
            .collect();
        for &from in &cell.inherited {
            if let Some(lower) = &cells[from] {
                items.extend(lower.items.iter().map(|item| (from, item)));
            }
        }
        items
    }

    /// Every expectation a level holds, own and carried over, by area order.
    pub fn expectations_at(&self, level: usize) -> impl Iterator<Item = (usize, &Cell)> + '_ {
        self.areas
            .iter()
            .flat_map(|area| area.competencies.iter().copied())
            .filter_map(move |c| {
                self.competencies[c].cells[level]
                    .as_ref()
                    .map(|cell| (c, cell))
            })
    }
}

/// Default rating scale of the spec (scorecards/<id>.yaml).
pub fn default_scale() -> Vec<ScaleStep> {
    [
        ("strong-no", "Strong no", 1),
        ("no", "No", 2),
        ("yes", "Yes", 3),
        ("strong-yes", "Strong yes", 4),
    ]
    .into_iter()
    .map(|(id, label, value)| ScaleStep {
        id: id.into(),
        label: label.into(),
        value,
    })
    .collect()
}
