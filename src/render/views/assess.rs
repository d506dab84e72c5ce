//! The self-assessment page: every level's items to rate.

use serde::Serialize;

use super::{Link, competency_link, htmls};
use crate::content::item_keys::keyed_items;
use crate::content::model::Book;

#[derive(Serialize)]
pub struct AssessItem<'a> {
    /// Stable key of the expectation: `<competency>@<level>:<text hash>`.
    pub key: String,
    pub competency: &'a str,
    pub html: &'a str,
    pub plain: &'a str,
    pub examples: Vec<&'a str>,
    /// Cumulative books: the label of the lower level that introduced an
    /// inherited item.
    pub from: Option<&'a str>,
}

#[derive(Serialize)]
pub struct AssessCompetency<'a> {
    pub link: Link,
    pub area: &'a str,
    pub items: Vec<AssessItem<'a>>,
    pub carried_label: Option<&'a str>,
    /// The owners' note on the level's entry: shown, never rated (issue 25).
    pub note: Option<&'a str>,
    /// A level-wide aspect, rated in its own section first (issue 25).
    pub level_wide: bool,
}

#[derive(Serialize)]
pub struct AssessLevel<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub code: &'a str,
    /// Empty for the one track of a book without `tracks.yaml`.
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
                        area: book.area_heading(competency.area),
                        items: assess_items(book, c, index),
                        carried_label: cell.carried_from(index).map(|l| book.levels[l].label()),
                        note: cell.note.as_ref().map(|n| n.html.as_str()),
                        level_wide: competency.level_wide,
                    }
                })
                .collect();
            AssessLevel {
                id: &level.id,
                title: &level.title,
                code: level.label(),
                track: track_name(book, level.track),
                previous: level.previous.map(|p| book.levels[p].id.as_str()),
                count: competencies.iter().map(|c| c.items.len()).sum(),
                competencies,
            }
        })
        .collect();
    AssessView {
        levels,
        areas: (0..book.areas.len())
            .map(|a| book.area_heading(a))
            .collect(),
    }
}

/// A track's name as the pickers show it: none for the implicit track.
fn track_name(book: &Book, track: usize) -> &str {
    let track = &book.tracks[track];
    if track.implicit { "" } else { &track.name }
}

/// The items a level expects of one competency, keyed by identity so a
/// rating survives a rebuild and a reordered list (`content::item_keys`).
fn assess_items(book: &Book, competency: usize, level: usize) -> Vec<AssessItem<'_>> {
    let c = &book.competencies[competency];
    let cumulative = book.cumulative();
    keyed_items(book, competency, level)
        .into_iter()
        .map(|keyed| AssessItem {
            key: keyed.key,
            competency: &c.id,
            html: &keyed.item.text.html,
            plain: &keyed.item.text.plain,
            examples: htmls(&keyed.item.examples),
            from: (cumulative && keyed.from != level).then(|| book.levels[keyed.from].label()),
        })
        .collect()
}
