//! The archetype page (radar chart) and the archetypes' summaries.

use serde::Serialize;

use super::Weighted;
use super::{Link, archetype_link, competency_link, html, level_link, scorecard_link};
use crate::content::model::Book;
use crate::markdown::Heading;
use crate::render::radar::{Axis, radar_svg};

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

/// The view of one archetype; `radar_title` is the strings table's
/// `archetype_radar_title`, whose `{name}` becomes the archetype's name.
pub fn archetype<'b>(book: &'b Book, index: usize, radar_title: &str) -> ArchetypeView<'b> {
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
            &radar_title.replace("{name}", &a.name),
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
