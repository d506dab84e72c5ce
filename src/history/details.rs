//! What archetypes and scorecards hold beyond their own fields: emphasis
//! weight by weight, dimensions and their bars (meets, exceeds) one by one.

use crate::content::model::{Book, Dimension, Scorecard};
use crate::history::diff::{Change, DimensionChange, EmphasisChange, TextChange};
use crate::history::expectation::field_text;
use crate::history::words::word_diff;

/// Weight changes of archetypes both books have, in the newer order; per
/// archetype the newer competencies first, then the dropped ones.
pub fn diff_emphasis(old: &Book, new: &Book) -> Vec<EmphasisChange> {
    let mut changes = Vec::new();
    for archetype in &new.archetypes {
        let Some(before) = old.archetypes.iter().find(|a| a.id == archetype.id) else {
            continue;
        };
        let weights_new: Vec<(&str, u8)> = archetype
            .emphasis
            .iter()
            .map(|&(c, w)| (new.competencies[c].id.as_str(), w))
            .collect();
        let weights_old: Vec<(&str, u8)> = before
            .emphasis
            .iter()
            .map(|&(c, w)| (old.competencies[c].id.as_str(), w))
            .collect();
        let weight =
            |list: &[(&str, u8)], id: &str| list.iter().find(|(c, _)| *c == id).map(|&(_, w)| w);
        let mut push = |competency: &str| {
            let (was, now) = (
                weight(&weights_old, competency),
                weight(&weights_new, competency),
            );
            if was != now {
                changes.push(EmphasisChange {
                    archetype: archetype.id.clone(),
                    competency: competency.to_string(),
                    old: was,
                    new: now,
                });
            }
        };
        for (competency, _) in &weights_new {
            push(competency);
        }
        for (competency, _) in &weights_old {
            if weight(&weights_new, competency).is_none() {
                push(competency);
            }
        }
    }
    changes
}

/// Dimensions added, removed or with new bars, for scorecards both books have.
pub fn diff_dimensions(old: &Book, new: &Book) -> Vec<DimensionChange> {
    let mut changes = Vec::new();
    for scorecard in &new.scorecards {
        let Some(before) = old.scorecards.iter().find(|s| s.id == scorecard.id) else {
            continue;
        };
        for dimension in &scorecard.dimensions {
            let id = &new.competencies[dimension.competency].id;
            let name = &new.competencies[dimension.competency].name;
            let change = match find(old, before, id) {
                None => dimension_change(scorecard, id, name, Change::Added, None, Some(dimension)),
                Some(was) => dimension_change(
                    scorecard,
                    id,
                    name,
                    Change::Changed,
                    Some(was),
                    Some(dimension),
                ),
            };
            changes.extend(change);
        }
        for dimension in &before.dimensions {
            let competency = &old.competencies[dimension.competency];
            if find(new, scorecard, &competency.id).is_none() {
                changes.extend(dimension_change(
                    scorecard,
                    &competency.id,
                    &competency.name,
                    Change::Removed,
                    Some(dimension),
                    None,
                ));
            }
        }
    }
    changes
}

fn find<'a>(book: &Book, scorecard: &'a Scorecard, competency: &str) -> Option<&'a Dimension> {
    scorecard
        .dimensions
        .iter()
        .find(|d| book.competencies[d.competency].id == competency)
}

/// A dimension's change; `None` when kept with the same bars.
fn dimension_change(
    scorecard: &Scorecard,
    competency: &str,
    name: &str,
    change: Change,
    was: Option<&Dimension>,
    now: Option<&Dimension>,
) -> Option<DimensionChange> {
    let bar =
        |pick: fn(&Dimension) -> Option<&str>| text_change(was.and_then(pick), now.and_then(pick));
    let meets = bar(|d| field_text(d.meets.as_ref()));
    let exceeds = bar(|d| field_text(d.exceeds.as_ref()));
    if change == Change::Changed && meets.is_none() && exceeds.is_none() {
        return None;
    }
    Some(DimensionChange {
        scorecard: scorecard.id.clone(),
        competency: competency.to_string(),
        name: name.to_string(),
        change,
        meets,
        exceeds,
    })
}

/// Both versions of a text and their word diff; `None` when equal.
pub fn text_change(old: Option<&str>, new: Option<&str>) -> Option<TextChange> {
    (old != new).then(|| TextChange {
        old: old.map(str::to_string),
        new: new.map(str::to_string),
        words: word_diff(old.unwrap_or_default(), new.unwrap_or_default()),
    })
}
