//! Typed template contexts, one struct per page kind (Zola's way).
//!
//! Views borrow from the model and hold rendered HTML fragments whose links
//! are behind the root marker; `render` swaps the marker per page.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::changes::{ChangeKind, level_changes};
use crate::content::model::{Book, Cell, Html, NavNode};
use crate::markdown::{
    self, Heading, MarkdownOptions, MarkdownProblem, ROOT_MARKER, Rendered, Section,
};
use crate::render::radar::{Axis, radar_svg};

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

pub fn level_link(book: &Book, level: usize) -> Link {
    let l = &book.levels[level];
    link("levels", &l.id, &l.title)
}

pub fn competency_link(book: &Book, competency: usize) -> Link {
    let c = &book.competencies[competency];
    link("competencies", &c.id, &c.name)
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

#[derive(Serialize)]
pub struct LevelSummary<'a> {
    pub link: Link,
    pub code: &'a str,
    pub rank: i64,
    pub summary: Option<&'a str>,
    pub years: Option<&'a str>,
    pub expectation_count: usize,
}

#[derive(Serialize)]
pub struct TrackSummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub levels: Vec<LevelSummary<'a>>,
}

pub fn tracks(book: &Book) -> Vec<TrackSummary<'_>> {
    book.tracks
        .iter()
        .filter(|track| !track.levels.is_empty())
        .map(|track| TrackSummary {
            id: &track.id,
            name: &track.name,
            description: html(&track.description),
            levels: track
                .levels
                .iter()
                .map(|&l| {
                    let level = &book.levels[l];
                    LevelSummary {
                        link: level_link(book, l),
                        code: level.label(),
                        rank: level.rank,
                        summary: html(&level.summary),
                        years: level.years.as_deref(),
                        expectation_count: book
                            .expectations_at(l)
                            .map(|(_, cell)| cell.items.len())
                            .sum(),
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct CellView<'a> {
    pub competency: Link,
    pub summary: Option<&'a str>,
    pub items: Vec<&'a str>,
    /// The level the entry carries over from, when it is not the level's own.
    pub carried_from: Option<Link>,
    pub carried_label: Option<&'a str>,
}

#[derive(Serialize)]
pub struct AreaCells<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub cells: Vec<CellView<'a>>,
}

fn cell_view<'a>(book: &'a Book, competency: usize, cell: &'a Cell, level: usize) -> CellView<'a> {
    let carried = cell.carried_from(level);
    CellView {
        competency: competency_link(book, competency),
        summary: html(&book.competencies[competency].summary),
        items: htmls(&cell.items),
        carried_from: carried.map(|l| level_link(book, l)),
        carried_label: carried.map(|l| book.levels[l].label()),
    }
}

/// A level's expectations grouped by area (areas without any are left out).
pub fn level_areas(book: &Book, level: usize) -> Vec<AreaCells<'_>> {
    book.areas
        .iter()
        .map(|area| AreaCells {
            name: &area.name,
            slug: &area.slug,
            cells: area
                .competencies
                .iter()
                .filter_map(|&c| {
                    let cell = book.competencies[c].cells[level].as_ref()?;
                    Some(cell_view(book, c, cell, level))
                })
                .collect(),
        })
        .filter(|area| !area.cells.is_empty())
        .collect()
}

#[derive(Serialize)]
pub struct ChangeView<'a> {
    pub competency: Link,
    pub area: &'a str,
    /// `starts` or `grows`.
    pub kind: &'static str,
    pub added: Vec<&'a str>,
    pub replaced: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct LevelView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub code: &'a str,
    pub track: &'a str,
    pub rank: i64,
    pub summary: Option<&'a str>,
    pub years: Option<&'a str>,
    pub body: &'a str,
    pub toc: &'a [Heading],
    pub equivalent: Option<Link>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    pub areas: Vec<AreaCells<'a>>,
    pub changes: Vec<ChangeView<'a>>,
    pub starts_count: usize,
    pub grows_count: usize,
    pub carried_count: usize,
    pub archetypes: Vec<Link>,
    pub scorecards: Vec<Link>,
}

pub fn level(book: &Book, index: usize) -> LevelView<'_> {
    let level = &book.levels[index];
    let changes: Vec<ChangeView> = level_changes(book, index)
        .into_iter()
        .map(|change| ChangeView {
            competency: competency_link(book, change.competency),
            area: &book.areas[book.competencies[change.competency].area].name,
            kind: match change.kind {
                ChangeKind::Starts => "starts",
                ChangeKind::Grows => "grows",
            },
            added: change.added.iter().map(|h| h.html.as_str()).collect(),
            replaced: change.replaced.iter().map(|h| h.html.as_str()).collect(),
        })
        .collect();
    let areas = level_areas(book, index);
    let carried_count = areas
        .iter()
        .flat_map(|a| &a.cells)
        .filter(|c| c.carried_from.is_some())
        .count();
    LevelView {
        id: &level.id,
        title: &level.title,
        code: level.label(),
        track: &book.tracks[level.track].name,
        rank: level.rank,
        summary: html(&level.summary),
        years: level.years.as_deref(),
        body: &level.body.html,
        toc: &level.headings,
        equivalent: level.equivalent.map(|l| level_link(book, l)),
        previous: level.previous.map(|l| level_link(book, l)),
        next: level.next.map(|l| level_link(book, l)),
        starts_count: changes.iter().filter(|c| c.kind == "starts").count(),
        grows_count: changes.iter().filter(|c| c.kind == "grows").count(),
        changes,
        carried_count,
        areas,
        archetypes: (0..book.archetypes.len())
            .filter(|&a| book.archetypes[a].levels.contains(&index))
            .map(|a| archetype_link(book, a))
            .collect(),
        scorecards: (0..book.scorecards.len())
            .filter(|&s| book.scorecards[s].levels.contains(&index))
            .map(|s| scorecard_link(book, s))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct MatrixCell<'a> {
    pub level: &'a str,
    pub items: Vec<&'a str>,
    pub carried: bool,
    pub carried_label: Option<&'a str>,
}

#[derive(Serialize)]
pub struct MatrixRow<'a> {
    pub competency: Link,
    pub cells: Vec<Option<MatrixCell<'a>>>,
}

#[derive(Serialize)]
pub struct MatrixArea<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
pub struct MatrixTrack<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub levels: Vec<LevelSummary<'a>>,
    pub areas: Vec<MatrixArea<'a>>,
}

pub fn matrix(book: &Book) -> Vec<MatrixTrack<'_>> {
    tracks(book)
        .into_iter()
        .map(|summary| {
            let track = book
                .tracks
                .iter()
                .position(|t| t.id == summary.id)
                .expect("summaries come from tracks");
            let level_ids = &book.tracks[track].levels;
            let areas = book
                .areas
                .iter()
                .map(|area| MatrixArea {
                    name: &area.name,
                    slug: &area.slug,
                    rows: area
                        .competencies
                        .iter()
                        .filter(|&&c| {
                            level_ids
                                .iter()
                                .any(|&l| book.competencies[c].cells[l].is_some())
                        })
                        .map(|&c| MatrixRow {
                            competency: competency_link(book, c),
                            cells: level_ids
                                .iter()
                                .map(|&l| {
                                    book.competencies[c].cells[l]
                                        .as_ref()
                                        .map(|cell| MatrixCell {
                                            level: &book.levels[l].id,
                                            items: htmls(&cell.items),
                                            carried: cell.source_level != l,
                                            carried_label: cell
                                                .carried_from(l)
                                                .map(|from| book.levels[from].label()),
                                        })
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .filter(|area| !area.rows.is_empty())
                .collect();
            MatrixTrack {
                id: summary.id,
                name: summary.name,
                levels: summary.levels,
                areas,
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct CompetencyRow<'a> {
    pub level: Link,
    pub code: &'a str,
    pub items: Vec<&'a str>,
    pub carried_label: Option<&'a str>,
}

#[derive(Serialize)]
pub struct CompetencyTrack<'a> {
    pub name: &'a str,
    pub rows: Vec<CompetencyRow<'a>>,
    /// Levels of the track below the competency's first entry.
    pub not_expected: Vec<Link>,
}

#[derive(Serialize)]
pub struct Weighted {
    pub link: Link,
    pub weight: u8,
}

#[derive(Serialize)]
pub struct CompetencyView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub area: &'a str,
    pub summary: Option<&'a str>,
    pub description: Option<&'a str>,
    pub tracks: Vec<CompetencyTrack<'a>>,
    pub archetypes: Vec<Weighted>,
    pub scorecards: Vec<Link>,
}

pub fn competency(book: &Book, index: usize) -> CompetencyView<'_> {
    let c = &book.competencies[index];
    let tracks = book
        .tracks
        .iter()
        .map(|track| {
            let mut rows = Vec::new();
            let mut not_expected = Vec::new();
            for &l in &track.levels {
                match &c.cells[l] {
                    Some(cell) => rows.push(CompetencyRow {
                        level: level_link(book, l),
                        code: book.levels[l].label(),
                        items: htmls(&cell.items),
                        carried_label: cell.carried_from(l).map(|from| book.levels[from].label()),
                    }),
                    None => not_expected.push(level_link(book, l)),
                }
            }
            CompetencyTrack {
                name: &track.name,
                rows,
                not_expected,
            }
        })
        .filter(|track| !track.rows.is_empty())
        .collect();
    CompetencyView {
        id: &c.id,
        name: &c.name,
        area: &book.areas[c.area].name,
        summary: html(&c.summary),
        description: html(&c.description),
        tracks,
        archetypes: book
            .archetypes
            .iter()
            .enumerate()
            .filter_map(|(a, archetype)| {
                let &(_, weight) = archetype
                    .emphasis
                    .iter()
                    .find(|(competency, _)| *competency == index)?;
                Some(Weighted {
                    link: archetype_link(book, a),
                    weight,
                })
            })
            .collect(),
        scorecards: (0..book.scorecards.len())
            .filter(|&s| {
                book.scorecards[s]
                    .dimensions
                    .iter()
                    .any(|d| d.competency == index)
            })
            .map(|s| scorecard_link(book, s))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct CompetencySummary<'a> {
    pub link: Link,
    pub summary: Option<&'a str>,
    /// Label of the first level (per track) where it is expected.
    pub starts: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct AreaSummary<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub competencies: Vec<CompetencySummary<'a>>,
}

pub fn areas(book: &Book) -> Vec<AreaSummary<'_>> {
    book.areas
        .iter()
        .map(|area| AreaSummary {
            name: &area.name,
            slug: &area.slug,
            competencies: area
                .competencies
                .iter()
                .map(|&c| CompetencySummary {
                    link: competency_link(book, c),
                    summary: html(&book.competencies[c].summary),
                    starts: book
                        .tracks
                        .iter()
                        .filter_map(|t| {
                            let first = t
                                .levels
                                .iter()
                                .find(|&&l| book.competencies[c].cells[l].is_some())?;
                            Some(book.levels[*first].label())
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ArchetypeView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub tagline: Option<&'a str>,
    pub body: &'a str,
    pub toc: &'a [Heading],
    pub radar: String,
    pub emphasis: Vec<Weighted>,
    pub levels: Vec<Link>,
    pub scorecards: Vec<Link>,
}

pub fn archetype(book: &Book, index: usize) -> ArchetypeView<'_> {
    let a = &book.archetypes[index];
    // Draw in area order so neighbouring spokes are related competencies.
    let mut drawn: Vec<(usize, u8)> = a.emphasis.clone();
    drawn.sort_by_key(|&(c, _)| c);
    let axes: Vec<Axis> = drawn
        .iter()
        .map(|&(c, weight)| Axis {
            label: &book.competencies[c].name,
            value: f64::from(weight),
        })
        .collect();
    ArchetypeView {
        id: &a.id,
        name: &a.name,
        tagline: html(&a.tagline),
        body: &a.body.html,
        toc: &a.headings,
        radar: radar_svg(
            &format!("Emphasis of the {} archetype", a.name),
            &axes,
            5.0,
            &format!("radar-{}", a.id),
        ),
        emphasis: a
            .emphasis
            .iter()
            .map(|&(c, weight)| Weighted {
                link: competency_link(book, c),
                weight,
            })
            .collect(),
        levels: a.levels.iter().map(|&l| level_link(book, l)).collect(),
        scorecards: (0..book.scorecards.len())
            .filter(|&s| book.scorecards[s].archetype == Some(index))
            .map(|s| scorecard_link(book, s))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct ArchetypeSummary<'a> {
    pub link: Link,
    pub tagline: Option<&'a str>,
    pub levels: Vec<&'a str>,
}

pub fn archetype_summaries(book: &Book) -> Vec<ArchetypeSummary<'_>> {
    book.archetypes
        .iter()
        .enumerate()
        .map(|(i, a)| ArchetypeSummary {
            link: archetype_link(book, i),
            tagline: html(&a.tagline),
            levels: a.levels.iter().map(|&l| book.levels[l].label()).collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct DimensionView<'a> {
    pub competency: Link,
    pub meets: Option<&'a str>,
    pub exceeds: Option<&'a str>,
    /// The same texts without markup: exported scorecards carry them so
    /// `debrief` can tell when the bar changed since a card was filled.
    pub meets_plain: &'a str,
    pub exceeds_plain: &'a str,
    pub interviews: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct InterviewView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub minutes: Option<i64>,
    pub brief: Option<&'a str>,
    pub focus: Vec<DimensionView<'a>>,
    pub questions: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct CoverageRow<'a> {
    pub competency: Link,
    pub area: &'a str,
    pub is_dimension: bool,
    /// One flag per interview, in interview order.
    pub covered_by: Vec<bool>,
    pub covered: bool,
}

#[derive(Serialize)]
pub struct SignalsView<'a> {
    pub strong: Vec<&'a str>,
    pub weak: Vec<&'a str>,
    pub red_flags: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct ScorecardView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub levels: Vec<Link>,
    pub archetype: Option<Link>,
    pub scale: &'a [crate::content::model::ScaleStep],
    pub dimensions: Vec<DimensionView<'a>>,
    pub interviews: Vec<InterviewView<'a>>,
    pub total_minutes: i64,
    pub coverage: Vec<CoverageRow<'a>>,
    pub uncovered: Vec<Link>,
    pub signals: SignalsView<'a>,
}

pub fn scorecard(book: &Book, index: usize) -> ScorecardView<'_> {
    let s = &book.scorecards[index];
    let dimension = |d: usize| {
        let dim = &s.dimensions[d];
        DimensionView {
            competency: competency_link(book, dim.competency),
            meets: html(&dim.meets),
            exceeds: html(&dim.exceeds),
            meets_plain: dim.meets.as_ref().map_or("", |h| h.plain.as_str()),
            exceeds_plain: dim.exceeds.as_ref().map_or("", |h| h.plain.as_str()),
            interviews: s
                .interviews
                .iter()
                .filter(|i| i.focus.contains(&d))
                .map(|i| i.title.as_str())
                .collect(),
        }
    };
    let coverage: Vec<CoverageRow> = book
        .areas
        .iter()
        .flat_map(|area| area.competencies.iter().map(move |&c| (area, c)))
        .filter(|&(_, c)| {
            s.levels
                .iter()
                .any(|&l| book.competencies[c].cells[l].is_some())
        })
        .map(|(area, c)| {
            let dimension_index = s.dimensions.iter().position(|d| d.competency == c);
            let covered_by: Vec<bool> = s
                .interviews
                .iter()
                .map(|i| dimension_index.is_some_and(|d| i.focus.contains(&d)))
                .collect();
            CoverageRow {
                competency: competency_link(book, c),
                area: &area.name,
                is_dimension: dimension_index.is_some(),
                covered: covered_by.iter().any(|&b| b),
                covered_by,
            }
        })
        .collect();
    ScorecardView {
        id: &s.id,
        title: &s.title,
        levels: s.levels.iter().map(|&l| level_link(book, l)).collect(),
        archetype: s.archetype.map(|a| archetype_link(book, a)),
        scale: &s.scale,
        dimensions: (0..s.dimensions.len()).map(dimension).collect(),
        interviews: s
            .interviews
            .iter()
            .map(|i| InterviewView {
                id: &i.id,
                title: &i.title,
                minutes: i.minutes,
                brief: html(&i.brief),
                focus: i.focus.iter().map(|&d| dimension(d)).collect(),
                questions: htmls(&i.questions),
            })
            .collect(),
        total_minutes: s.interviews.iter().filter_map(|i| i.minutes).sum(),
        uncovered: coverage
            .iter()
            .filter(|r| !r.covered)
            .map(|r| r.competency.clone())
            .collect(),
        coverage,
        signals: SignalsView {
            strong: htmls(&s.signals.strong),
            weak: htmls(&s.signals.weak),
            red_flags: htmls(&s.signals.red_flags),
        },
    }
}

#[derive(Serialize)]
pub struct ScorecardSummary<'a> {
    pub link: Link,
    pub levels: Vec<&'a str>,
    pub interviews: usize,
    pub dimensions: usize,
    pub minutes: i64,
}

pub fn scorecard_summaries(book: &Book) -> Vec<ScorecardSummary<'_>> {
    book.scorecards
        .iter()
        .enumerate()
        .map(|(i, s)| ScorecardSummary {
            link: scorecard_link(book, i),
            levels: s.levels.iter().map(|&l| book.levels[l].label()).collect(),
            interviews: s.interviews.len(),
            dimensions: s.dimensions.len(),
            minutes: s.interviews.iter().filter_map(|i| i.minutes).sum(),
        })
        .collect()
}

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

fn page_view(book: &Book, index: usize, body: GuideBody) -> PageView<'_> {
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

#[derive(Serialize)]
pub struct AssessItem<'a> {
    /// Stable key of the expectation: `<competency-id>:<n>` (n-th item of the cell).
    pub key: String,
    pub competency: &'a str,
    pub html: &'a str,
    pub plain: &'a str,
}

#[derive(Serialize)]
pub struct AssessCompetency<'a> {
    pub link: Link,
    pub area: &'a str,
    pub items: Vec<AssessItem<'a>>,
    pub carried_label: Option<&'a str>,
}

#[derive(Serialize)]
pub struct AssessLevel<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub code: &'a str,
    pub track: &'a str,
    pub previous: Option<&'a str>,
    pub competencies: Vec<AssessCompetency<'a>>,
    pub count: usize,
}

#[derive(Serialize)]
pub struct AssessView<'a> {
    pub levels: Vec<AssessLevel<'a>>,
    pub areas: Vec<&'a str>,
}

/// Every level's expectations as a checklist; the page's script turns it
/// into the interactive assessment, so it reads well without JavaScript.
pub fn assess(book: &Book) -> AssessView<'_> {
    let levels = book
        .levels
        .iter()
        .enumerate()
        .map(|(index, level)| {
            let competencies: Vec<AssessCompetency> = book
                .expectations_at(index)
                .map(|(c, cell)| {
                    let competency = &book.competencies[c];
                    AssessCompetency {
                        link: competency_link(book, c),
                        area: &book.areas[competency.area].name,
                        items: cell
                            .items
                            .iter()
                            .enumerate()
                            .map(|(n, item)| AssessItem {
                                key: format!("{}:{n}", competency.id),
                                competency: &competency.id,
                                html: &item.html,
                                plain: &item.plain,
                            })
                            .collect(),
                        carried_label: cell.carried_from(index).map(|l| book.levels[l].label()),
                    }
                })
                .collect();
            AssessLevel {
                id: &level.id,
                title: &level.title,
                code: level.label(),
                track: &book.tracks[level.track].name,
                previous: level.previous.map(|p| book.levels[p].id.as_str()),
                count: competencies.iter().map(|c| c.items.len()).sum(),
                competencies,
            }
        })
        .collect();
    AssessView {
        levels,
        areas: book.areas.iter().map(|a| a.name.as_str()).collect(),
    }
}

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
                let mut view = archetype(book, i);
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
