//! The interview kit page and the scorecards' summaries.

use serde::Serialize;

use super::{Link, archetype_link, competency_link, html, htmls, level_link, scorecard_link};
use crate::content::model::Book;

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
        .enumerate()
        .flat_map(|(area, a)| a.competencies.iter().map(move |&c| (area, c)))
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
                area: book.area_heading(area),
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
