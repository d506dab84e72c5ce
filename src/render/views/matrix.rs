//! The matrix: every competency against every level of each track.

use serde::Serialize;

use super::levels::*;
use super::{Link, competency_link, item_examples, item_texts};
use crate::content::model::Book;

#[derive(Serialize)]
pub struct MatrixCell<'a> {
    pub level: &'a str,
    /// The entry's items; in a cumulative book only the level's new ones.
    pub items: Vec<&'a str>,
    /// `examples[n]`: the examples of `items[n]`.
    pub examples: Vec<Vec<&'a str>>,
    pub carried: bool,
    pub carried_label: Option<&'a str>,
    /// The owners' note on this level's entry (issue 25).
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct MatrixRow<'a> {
    pub competency: Link,
    pub cells: Vec<Option<MatrixCell<'a>>>,
    /// `ended[n]`: the label of the level where the competency ended (`[]`)
    /// when `cells[n]` is empty because of it (issue 25).
    pub ended: Vec<Option<&'a str>>,
}

#[derive(Serialize)]
pub struct MatrixArea<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// The band of level-wide aspects, above the competencies (issue 25).
    pub level_wide: bool,
    pub rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
pub struct MatrixTrack<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub levels: Vec<LevelSummary<'a>>,
    pub areas: Vec<MatrixArea<'a>>,
    /// Each level's published bands, in the order of `levels`; empty when
    /// the book does not publish pay (issue 27).
    pub bands: Vec<Vec<super::BandView>>,
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
                .enumerate()
                .map(|(index, area)| MatrixArea {
                    name: book.area_heading(index),
                    slug: &area.slug,
                    level_wide: area.level_wide,
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
                                            items: item_texts(&cell.items),
                                            examples: item_examples(&cell.items),
                                            carried: cell.source_level != l,
                                            carried_label: cell
                                                .carried_from(l)
                                                .map(|from| book.levels[from].label()),
                                            note: cell.note.as_ref().map(|n| n.html.as_str()),
                                        })
                                })
                                .collect(),
                            ended: level_ids
                                .iter()
                                .map(|&l| {
                                    book.competencies[c]
                                        .ended_at(&book.levels, l)
                                        .map(|at| book.levels[at].label())
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .filter(|area| !area.rows.is_empty())
                .collect();
            let bands = if book.published_pay().is_some() {
                level_ids
                    .iter()
                    .map(|&l| super::level_bands(book, l))
                    .collect()
            } else {
                Vec::new()
            };
            MatrixTrack {
                id: summary.id,
                name: summary.name,
                levels: summary.levels,
                areas,
                bands,
            }
        })
        .collect()
}
