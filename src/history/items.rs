//! Ladder items (tracks, levels, competencies, archetypes, scorecards,
//! interviews) compared by id: added, removed, renamed, changed.
//!
//! Each kind is first described as an [`Item`]: its id, title, and the
//! fields that matter as text (references as ids, Markdown as written), so
//! one comparison serves every kind and an index that moved is no change.

use crate::content::model::{Book, Html};
use crate::history::diff::{Change, ItemChange};
use crate::history::expectation::field_text;

/// One item as compared.
pub struct Item {
    pub id: String,
    pub title: String,
    pub fields: Vec<(&'static str, String)>,
}

/// The changes from `old` to `new`: in the newer order, removed ones after.
pub fn diff_items(old: &[Item], new: &[Item]) -> Vec<ItemChange> {
    let mut changes = Vec::new();
    for item in new {
        let Some(before) = old.iter().find(|o| o.id == item.id) else {
            changes.push(whole(item, Change::Added));
            continue;
        };
        let fields: Vec<&'static str> = item
            .fields
            .iter()
            .zip(&before.fields)
            .filter(|((_, now), (_, was))| now != was)
            .map(|((name, _), _)| *name)
            .collect();
        let renamed = before.title != item.title;
        if renamed || !fields.is_empty() {
            changes.push(ItemChange {
                id: item.id.clone(),
                change: if renamed {
                    Change::Renamed
                } else {
                    Change::Changed
                },
                title: item.title.clone(),
                old_title: renamed.then(|| before.title.clone()),
                fields,
            });
        }
    }
    for item in old {
        if !new.iter().any(|n| n.id == item.id) {
            changes.push(whole(item, Change::Removed));
        }
    }
    changes
}

fn whole(item: &Item, change: Change) -> ItemChange {
    ItemChange {
        id: item.id.clone(),
        change,
        title: item.title.clone(),
        old_title: None,
        fields: Vec::new(),
    }
}

fn text(field: Option<&Html>) -> String {
    field_text(field).unwrap_or_default().to_string()
}

fn level_ids(book: &Book, levels: &[usize]) -> String {
    let ids: Vec<&str> = levels.iter().map(|&l| book.levels[l].id.as_str()).collect();
    ids.join(", ")
}

pub fn tracks(book: &Book) -> Vec<Item> {
    book.tracks
        .iter()
        .map(|track| Item {
            id: track.id.clone(),
            title: track.name.clone(),
            fields: vec![("description", text(track.description.as_ref()))],
        })
        .collect()
}

pub fn levels(book: &Book) -> Vec<Item> {
    book.levels
        .iter()
        .map(|level| Item {
            id: level.id.clone(),
            title: level.title.clone(),
            fields: vec![
                ("code", level.code.clone().unwrap_or_default()),
                ("track", book.tracks[level.track].id.clone()),
                ("rank", level.rank.to_string()),
                ("summary", text(level.summary.as_ref())),
                ("years", level.years.clone().unwrap_or_default()),
                (
                    "equivalent",
                    level
                        .equivalent
                        .map(|l| book.levels[l].id.clone())
                        .unwrap_or_default(),
                ),
                ("body", level.body.source.trim().to_string()),
            ],
        })
        .collect()
}

/// Competencies by name and fields; what they expect per level is compared
/// cell by cell (`cells`).
pub fn competencies(book: &Book) -> Vec<Item> {
    book.competencies
        .iter()
        .map(|competency| Item {
            id: competency.id.clone(),
            title: competency.name.clone(),
            fields: vec![
                ("area", book.areas[competency.area].name.clone()),
                ("summary", text(competency.summary.as_ref())),
                ("description", text(competency.description.as_ref())),
            ],
        })
        .collect()
}

/// Archetypes by name and fields; emphasis is compared weight by weight.
pub fn archetypes(book: &Book) -> Vec<Item> {
    book.archetypes
        .iter()
        .map(|archetype| Item {
            id: archetype.id.clone(),
            title: archetype.name.clone(),
            fields: vec![
                ("tagline", text(archetype.tagline.as_ref())),
                ("levels", level_ids(book, &archetype.levels)),
                ("body", archetype.body.source.trim().to_string()),
            ],
        })
        .collect()
}

/// Scorecards by title and fields; dimensions and interviews are compared
/// one by one.
pub fn scorecards(book: &Book) -> Vec<Item> {
    book.scorecards
        .iter()
        .map(|scorecard| {
            let scale: Vec<String> = scorecard
                .scale
                .iter()
                .map(|step| format!("{}={}:{}", step.id, step.value, step.label))
                .collect();
            let signals = [
                &scorecard.signals.strong,
                &scorecard.signals.weak,
                &scorecard.signals.red_flags,
            ]
            .map(|list| {
                let texts: Vec<&str> = list.iter().map(|s| s.source.trim()).collect();
                texts.join("\n")
            });
            Item {
                id: scorecard.id.clone(),
                title: scorecard.title.clone(),
                fields: vec![
                    ("levels", level_ids(book, &scorecard.levels)),
                    (
                        "archetype",
                        scorecard
                            .archetype
                            .map(|a| book.archetypes[a].id.clone())
                            .unwrap_or_default(),
                    ),
                    ("scale", scale.join(", ")),
                    ("signals", signals.join("\n--\n")),
                ],
            }
        })
        .collect()
}

/// Every scorecard's interviews, with ids `scorecard/interview`.
pub fn interviews(book: &Book) -> Vec<Item> {
    let mut items = Vec::new();
    for scorecard in &book.scorecards {
        for interview in &scorecard.interviews {
            let focus: Vec<&str> = interview
                .focus
                .iter()
                .map(|&d| {
                    book.competencies[scorecard.dimensions[d].competency]
                        .id
                        .as_str()
                })
                .collect();
            let questions: Vec<&str> = interview
                .questions
                .iter()
                .map(|q| q.source.trim())
                .collect();
            items.push(Item {
                id: format!("{}/{}", scorecard.id, interview.id),
                title: interview.title.clone(),
                fields: vec![
                    (
                        "minutes",
                        interview.minutes.map(|m| m.to_string()).unwrap_or_default(),
                    ),
                    ("brief", text(interview.brief.as_ref())),
                    ("focus", focus.join(", ")),
                    ("questions", questions.join("\n")),
                ],
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, title: &str, rank: &str) -> Item {
        Item {
            id: id.into(),
            title: title.into(),
            fields: vec![("rank", rank.into())],
        }
    }

    #[test]
    fn items_are_added_removed_renamed_and_changed_by_id() {
        let old = [
            item("a", "A", "1"),
            item("b", "B", "2"),
            item("c", "C", "3"),
        ];
        let new = [
            item("d", "D", "4"),
            item("a", "A2", "1"),
            item("b", "B", "5"),
        ];
        let changes = diff_items(&old, &new);
        let summary: Vec<(&str, Change, Option<&str>, Vec<&str>)> = changes
            .iter()
            .map(|c| {
                (
                    c.id.as_str(),
                    c.change,
                    c.old_title.as_deref(),
                    c.fields.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("d", Change::Added, None, vec![]),
                ("a", Change::Renamed, Some("A"), vec![]),
                ("b", Change::Changed, None, vec!["rank"]),
                ("c", Change::Removed, None, vec![]),
            ]
        );
    }

    #[test]
    fn equal_items_make_no_change() {
        let items = [item("a", "A", "1")];
        assert!(diff_items(&items, &items).is_empty());
    }
}
