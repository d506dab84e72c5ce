//! The competency page and the areas' summaries.

use serde::Serialize;

use super::{
    Link, archetype_link, competency_link, html, item_examples, item_texts, level_link,
    level_link_beside_code, scorecard_link,
};
use crate::content::model::Book;

#[derive(Serialize)]
pub struct CompetencyRow<'a> {
    pub level: Link,
    pub code: &'a str,
    /// The entry's items; in a cumulative book only the level's new ones.
    pub items: Vec<&'a str>,
    /// `examples[n]`: the examples of `items[n]`.
    pub examples: Vec<Vec<&'a str>>,
    pub carried_label: Option<&'a str>,
    /// The owners' note on this level's entry (issue 25).
    pub note: Option<&'a str>,
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
                        level: level_link_beside_code(book, l),
                        code: book.levels[l].label(),
                        items: item_texts(&cell.items),
                        examples: item_examples(&cell.items),
                        carried_label: cell.carried_from(l).map(|from| book.levels[from].label()),
                        note: html(&cell.note),
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
        area: book.area_heading(c.area),
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
        .enumerate()
        .filter(|(_, area)| !area.level_wide)
        .map(|(index, area)| AreaSummary {
            name: book.area_heading(index),
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
