//! A role of the book → one [`Posting`]: its own facts, and the sections
//! composed from the ladder. "What you will do" is the level's summary and
//! every expectation of the level, grouped by area; "What we look for" is
//! the level's experience and the competencies that weigh most (the
//! archetype's emphasis, then the scorecard's dimensions with their bar);
//! "How we interview" is the scorecard's loop. With an archetype, areas and
//! competencies are ordered by its emphasis (heaviest first, the book's
//! order between equals); without one, in the book's order.

use std::cmp::Reverse;

use serde::Serialize;

use super::band::{Band, salary_band};
use crate::config::OrganizationSection;
use crate::content::model::{Book, Html, Remote, Role};
use crate::content::targets::LinkTargets;

/// Rendered Markdown in the forms the outputs need.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Fragment<'a> {
    /// HTML with internal links behind the root marker.
    pub html: &'a str,
    pub plain: &'a str,
    /// The Markdown as written.
    pub markdown: &'a str,
}

impl<'a> From<&'a Html> for Fragment<'a> {
    fn from(html: &'a Html) -> Self {
        Fragment {
            html: &html.html,
            plain: &html.plain,
            markdown: &html.source,
        }
    }
}

/// An item of the book a posting links to.
#[derive(Debug, Clone, Serialize)]
pub struct Ref<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Its page below the site root, e.g. `levels/sre-4.html`.
    pub path: String,
}

/// The expectations of one area of the level.
#[derive(Debug, Serialize)]
pub struct AreaDuties<'a> {
    /// Empty in a book that shows no areas.
    pub area: &'a str,
    pub competencies: Vec<Duty<'a>>,
}

/// What the level expects of one competency.
#[derive(Debug, Serialize)]
pub struct Duty<'a> {
    pub competency: Ref<'a>,
    /// The archetype's emphasis on it, 1..=5.
    pub weight: Option<u8>,
    pub items: Vec<Fragment<'a>>,
}

/// A competency the hiring looks for most.
#[derive(Debug, Serialize)]
pub struct Quality<'a> {
    pub competency: Ref<'a>,
    pub weight: Option<u8>,
    pub summary: Option<Fragment<'a>>,
    /// What meeting the bar looks like, from the scorecard.
    pub bar: Option<Fragment<'a>>,
}

/// One interview of the loop, as candidates see it.
#[derive(Debug, Serialize)]
pub struct Step<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub minutes: Option<i64>,
    /// The competencies it rates, by name.
    pub focus: Vec<&'a str>,
}

/// A job posting, everything its outputs show.
#[derive(Debug, Serialize)]
pub struct Posting<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub organization: Option<&'a OrganizationSection>,
    pub level: Ref<'a>,
    pub level_code: Option<&'a str>,
    pub summary: Option<Fragment<'a>>,
    pub years: Option<&'a str>,
    pub archetype: Option<Ref<'a>>,
    pub scorecard: Option<Ref<'a>>,
    pub team: Option<&'a str>,
    pub locations: &'a [String],
    #[serde(serialize_with = "remote_name")]
    pub remote: Option<Remote>,
    pub employment_types: &'a [String],
    pub band: Option<Band>,
    pub posted: Option<&'a str>,
    pub valid_through: Option<&'a str>,
    pub apply: Option<&'a str>,
    pub body: Fragment<'a>,
    pub duties: Vec<AreaDuties<'a>>,
    pub qualities: Vec<Quality<'a>>,
    pub interviews: Vec<Step<'a>>,
    /// The loop's length: the sum of the interviews that give one.
    pub loop_minutes: i64,
    /// The book's addresses, for `@/` links in Markdown written out as is.
    #[serde(skip)]
    pub links: &'a LinkTargets,
}

fn remote_name<S: serde::Serializer>(remote: &Option<Remote>, s: S) -> Result<S::Ok, S::Error> {
    match remote {
        Some(Remote::Remote) => s.serialize_str("remote"),
        Some(Remote::Hybrid) => s.serialize_str("hybrid"),
        Some(Remote::OnSite) => s.serialize_str("on-site"),
        None => s.serialize_none(),
    }
}

fn reference<'a>(kind: &str, id: &'a str, name: &'a str) -> Ref<'a> {
    Ref {
        id,
        name,
        path: format!("{kind}/{id}.html"),
    }
}

/// The posting of `book.roles[index]`.
pub fn compose(book: &Book, index: usize) -> Posting<'_> {
    let role = &book.roles[index];
    let level = &book.levels[role.level];
    let emphasis = |competency: usize| -> Option<u8> {
        let archetype = &book.archetypes[role.archetype?];
        archetype
            .emphasis
            .iter()
            .find(|(c, _)| *c == competency)
            .map(|(_, weight)| *weight)
    };
    let scorecard = role.scorecard.map(|s| &book.scorecards[s]);
    Posting {
        id: &role.id,
        title: &role.title,
        organization: book.config.organization.as_ref(),
        level: reference("levels", &level.id, &level.name),
        level_code: level.code.as_deref(),
        summary: level.summary.as_ref().map(Fragment::from),
        years: level.years.as_deref(),
        archetype: role.archetype.map(|a| {
            let a = &book.archetypes[a];
            reference("archetypes", &a.id, &a.name)
        }),
        scorecard: scorecard.map(|s| reference("scorecards", &s.id, &s.title)),
        team: role.team.as_deref(),
        locations: &role.locations,
        remote: role.remote,
        employment_types: &role.employment_types,
        band: salary_band(book, role),
        posted: role.posted.as_deref(),
        valid_through: role.valid_through.as_deref(),
        apply: role.apply.as_deref(),
        body: Fragment::from(&role.body),
        duties: duties(book, role, &emphasis),
        qualities: qualities(book, role, &emphasis),
        interviews: interviews(book, role),
        loop_minutes: scorecard.map_or(0, |s| s.interviews.iter().filter_map(|i| i.minutes).sum()),
        links: &book.links,
    }
}

fn competency_ref(book: &Book, competency: usize) -> Ref<'_> {
    let c = &book.competencies[competency];
    reference("competencies", &c.id, &c.name)
}

/// Every expectation of the level, by area, heaviest emphasis first.
fn duties<'a>(
    book: &'a Book,
    role: &Role,
    emphasis: &dyn Fn(usize) -> Option<u8>,
) -> Vec<AreaDuties<'a>> {
    let mut areas: Vec<(usize, AreaDuties<'a>)> = Vec::new();
    for (area_index, area) in book.areas.iter().enumerate() {
        let mut competencies: Vec<Duty<'a>> = area
            .competencies
            .iter()
            .filter_map(|&c| {
                let items: Vec<Fragment<'a>> = book
                    .items_expected(c, role.level)
                    .into_iter()
                    .map(|(_, item)| Fragment::from(&item.text))
                    .collect();
                (!items.is_empty()).then(|| Duty {
                    competency: competency_ref(book, c),
                    weight: emphasis(c),
                    items,
                })
            })
            .collect();
        if competencies.is_empty() {
            continue;
        }
        competencies.sort_by_key(|duty| Reverse(duty.weight.unwrap_or(0)));
        let heading = book.area_heading(area_index);
        areas.push((
            area_index,
            AreaDuties {
                area: heading,
                competencies,
            },
        ));
    }
    areas.sort_by_key(|(index, duties)| {
        let heaviest = duties.competencies.iter().filter_map(|d| d.weight).max();
        (Reverse(heaviest.unwrap_or(0)), *index)
    });
    areas.into_iter().map(|(_, duties)| duties).collect()
}

/// The competencies the hiring weighs most: the archetype's emphasis, then
/// the scorecard's other dimensions; without either, every competency the
/// level expects, in the book's order.
fn qualities<'a>(
    book: &'a Book,
    role: &Role,
    emphasis: &dyn Fn(usize) -> Option<u8>,
) -> Vec<Quality<'a>> {
    let dimensions = role
        .scorecard
        .map_or(&[][..], |s| &book.scorecards[s].dimensions[..]);
    let mut order: Vec<usize> = role
        .archetype
        .map(|a| {
            book.archetypes[a]
                .emphasis
                .iter()
                .map(|(c, _)| *c)
                .collect()
        })
        .unwrap_or_default();
    for dimension in dimensions {
        if !order.contains(&dimension.competency) {
            order.push(dimension.competency);
        }
    }
    if order.is_empty() {
        order = book.expectations_at(role.level).map(|(c, _)| c).collect();
    }
    order
        .into_iter()
        .map(|c| Quality {
            competency: competency_ref(book, c),
            weight: emphasis(c),
            summary: book.competencies[c].summary.as_ref().map(Fragment::from),
            bar: dimensions
                .iter()
                .find(|d| d.competency == c)
                .and_then(|d| d.meets.as_ref())
                .map(Fragment::from),
        })
        .collect()
}

fn interviews<'a>(book: &'a Book, role: &Role) -> Vec<Step<'a>> {
    let Some(scorecard) = role.scorecard.map(|s| &book.scorecards[s]) else {
        return Vec::new();
    };
    scorecard
        .interviews
        .iter()
        .map(|interview| Step {
            id: &interview.id,
            title: &interview.title,
            minutes: interview.minutes,
            focus: interview
                .focus
                .iter()
                .map(|&d| {
                    book.competencies[scorecard.dimensions[d].competency]
                        .name
                        .as_str()
                })
                .collect(),
        })
        .collect()
}
