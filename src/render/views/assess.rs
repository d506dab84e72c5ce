//! The self-assessment page: every level's items to rate.

use serde::Serialize;

use super::{Link, competency_link};
use crate::content::model::Book;

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
