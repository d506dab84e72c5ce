//! The level page and the levels' summaries (home page, tracks).

use serde::Serialize;

use super::{
    InheritedView, Link, archetype_link, competency_link, html, inherited_views, item_examples,
    item_texts, level_link, level_link_beside_code, scorecard_link,
};
use crate::content::changes::{ChangeKind, level_changes};
use crate::content::model::{Book, Cell};
use crate::markdown::Heading;

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
    /// False for the one track of a book without `tracks.yaml`, whose name
    /// would only repeat the page's "Levels" heading.
    pub named: bool,
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
            named: !track.implicit,
            description: html(&track.description),
            levels: track
                .levels
                .iter()
                .map(|&l| {
                    let level = &book.levels[l];
                    LevelSummary {
                        link: level_link_beside_code(book, l),
                        code: level.label(),
                        rank: level.rank,
                        summary: html(&level.summary),
                        years: level.years.as_deref(),
                        expectation_count: book
                            .expectations_at(l)
                            .map(|(c, _)| book.items_expected(c, l).len())
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
    /// `examples[n]`: the examples of `items[n]`.
    pub examples: Vec<Vec<&'a str>>,
    /// The level the entry carries over from, when it is not the level's own.
    pub carried_from: Option<Link>,
    pub carried_label: Option<&'a str>,
    /// Cumulative books: the lower levels' items still expected here.
    pub inherited: Vec<InheritedView<'a>>,
    /// The owners' note on this level's entry, shown with it (issue 25).
    pub note: Option<&'a str>,
    /// `marks[n]`: how `items[n]` changed in the latest release, if it
    /// did; empty without `[history]` (issue 17).
    pub marks: Vec<Option<super::ReleaseMark<'a>>>,
}

/// A competency no longer expected separately at a level (issue 25).
#[derive(Serialize)]
pub struct EndedView<'a> {
    pub competency: Link,
    /// The level whose entry is `[]`, and its short label.
    pub from: Link,
    pub from_label: &'a str,
}

/// The competencies that ended at `level` or below in its track, in area
/// order.
pub fn ended_views(book: &Book, level: usize) -> Vec<EndedView<'_>> {
    book.areas
        .iter()
        .flat_map(|area| area.competencies.iter().copied())
        .filter_map(|c| {
            let at = book.competencies[c].ended_at(&book.levels, level)?;
            Some(EndedView {
                competency: competency_link(book, c),
                from: level_link(book, at),
                from_label: book.levels[at].label(),
            })
        })
        .collect()
}

#[derive(Serialize)]
pub struct AreaCells<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// The band of level-wide aspects (issue 25).
    pub level_wide: bool,
    pub cells: Vec<CellView<'a>>,
}

fn cell_view<'a>(book: &'a Book, competency: usize, cell: &'a Cell, level: usize) -> CellView<'a> {
    let carried = cell.carried_from(level);
    CellView {
        competency: competency_link(book, competency),
        summary: html(&book.competencies[competency].summary),
        items: item_texts(&cell.items),
        examples: item_examples(&cell.items),
        carried_from: carried.map(|l| level_link(book, l)),
        carried_label: carried.map(|l| book.levels[l].label()),
        inherited: inherited_views(book, competency, cell),
        note: html(&cell.note),
        marks: super::cell_marks(book, competency, cell),
    }
}

/// A level's expectations grouped by area (areas without any are left out).
pub fn level_areas(book: &Book, level: usize) -> Vec<AreaCells<'_>> {
    book.areas
        .iter()
        .enumerate()
        .map(|(index, area)| AreaCells {
            name: book.area_heading(index),
            slug: &area.slug,
            level_wide: area.level_wide,
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
    /// A level-wide aspect rather than a competency (issue 25).
    pub level_wide: bool,
    pub area: &'a str,
    /// `starts`, `grows`, `narrows` (only items left out) or `ends` (`[]`).
    pub kind: &'static str,
    pub added: Vec<&'a str>,
    /// `added_examples[n]`: the examples of `added[n]`.
    pub added_examples: Vec<Vec<&'a str>>,
    pub replaced: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct LevelView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The title, with the code when another level shares the title.
    pub name: &'a str,
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
    /// The level's own expectations under `[ladder] aspects`, shown first
    /// (issue 25); the competencies are in `areas`.
    pub level_wide: Option<AreaCells<'a>>,
    pub areas: Vec<AreaCells<'a>>,
    pub changes: Vec<ChangeView<'a>>,
    pub starts_count: usize,
    pub grows_count: usize,
    pub narrows_count: usize,
    pub ends_count: usize,
    /// Competencies that ended at this level or below in its track (`[]`),
    /// each with the level they ended at.
    pub ended: Vec<EndedView<'a>>,
    pub carried_count: usize,
    /// Whether levels add up in this book (`[ladder] expectations`).
    pub cumulative: bool,
    pub archetypes: Vec<Link>,
    pub scorecards: Vec<Link>,
    /// The latest release, when an expectation of this page is marked.
    pub marked_release: Option<super::ReleaseLink<'a>>,
    /// The level's pay bands when the book publishes them (issue 27).
    pub bands: Vec<super::BandView>,
}

/// How many competencies changed in one way; the summary line counts
/// competencies, so level-wide aspects are listed but not counted.
fn competency_changes(changes: &[ChangeView], kind: &str) -> usize {
    changes
        .iter()
        .filter(|c| c.kind == kind && !c.level_wide)
        .count()
}

pub fn level(book: &Book, index: usize) -> LevelView<'_> {
    let level = &book.levels[index];
    let changes: Vec<ChangeView> = level_changes(book, index)
        .into_iter()
        .map(|change| ChangeView {
            competency: competency_link(book, change.competency),
            level_wide: book.competencies[change.competency].level_wide,
            area: book.area_heading(book.competencies[change.competency].area),
            kind: match change.kind {
                ChangeKind::Starts => "starts",
                ChangeKind::Grows => "grows",
                ChangeKind::Narrows => "narrows",
                ChangeKind::Ends => "ends",
            },
            added: change.added.iter().map(|i| i.text.html.as_str()).collect(),
            added_examples: change
                .added
                .iter()
                .map(|i| super::htmls(&i.examples))
                .collect(),
            replaced: change
                .replaced
                .iter()
                .map(|i| i.text.html.as_str())
                .collect(),
        })
        .collect();
    let mut areas = level_areas(book, index);
    let level_wide = match areas.first() {
        Some(area) if area.level_wide => Some(areas.remove(0)),
        _ => None,
    };
    let marked = areas
        .iter()
        .chain(&level_wide)
        .flat_map(|a| &a.cells)
        .any(|c| c.marks.iter().any(Option::is_some));
    let carried_count = areas
        .iter()
        .chain(&level_wide)
        .flat_map(|a| &a.cells)
        .filter(|c| c.carried_from.is_some())
        .count();
    LevelView {
        id: &level.id,
        title: &level.title,
        name: &level.name,
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
        starts_count: competency_changes(&changes, "starts"),
        grows_count: competency_changes(&changes, "grows"),
        narrows_count: competency_changes(&changes, "narrows"),
        ends_count: competency_changes(&changes, "ends"),
        ended: ended_views(book, index),
        changes,
        carried_count,
        cumulative: book.cumulative(),
        level_wide,
        areas,
        archetypes: (0..book.archetypes.len())
            .filter(|&a| book.archetypes[a].levels.contains(&index))
            .map(|a| archetype_link(book, a))
            .collect(),
        scorecards: (0..book.scorecards.len())
            .filter(|&s| book.scorecards[s].levels.contains(&index))
            .map(|s| scorecard_link(book, s))
            .collect(),
        marked_release: book
            .history
            .as_deref()
            .filter(|_| marked)
            .map(|published| super::latest_release(published)),
        bands: super::level_bands(book, index),
    }
}
