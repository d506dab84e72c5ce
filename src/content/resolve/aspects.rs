//! Level-wide aspects (issue 25): `[ladder] aspects` in book.toml names
//! them, each level's own `expectations:` holds its items under their ids.
//!
//! They resolve into competencies marked `level_wide`, after the book's own
//! competencies (so ids looked up by archetypes and scorecards never reach
//! them) and in one area placed first. Carry-over, cumulative levels, `[]`
//! and notes therefore work exactly as they do for competencies.

use super::Resolver;
use crate::config::{CONFIG_FILE, aspect_id};
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::targets::LinkTargets;
use crate::decode::{At, did_you_mean};

/// The resolved book's areas and competencies, which the aspects join.
pub(super) struct Ladder<'a> {
    pub areas: &'a mut Vec<Area>,
    pub competencies: &'a mut Vec<Competency>,
}

impl Resolver<'_> {
    pub(super) fn aspects(
        &mut self,
        raw: &RawBook,
        levels: &[Level],
        targets: &LinkTargets,
        ladder: Ladder,
    ) {
        let declared: Vec<(String, At<String>)> = self
            .config
            .ladder
            .aspects
            .iter()
            .map(|name| (aspect_id(&name.value), name.clone()))
            .collect();
        self.check_undeclared_aspects(raw, &declared);
        let first = ladder.competencies.len();
        for (id, name) in declared {
            if ladder.competencies[..first].iter().any(|c| c.id == id) {
                self.error(
                    "duplicate-id",
                    CONFIG_FILE,
                    name.pos,
                    format!("the aspect `{}` has the id `{id}`, which a competency has too", name.value),
                )
                .help = Some("rename the aspect or the competency: one id names one thing on the level pages and in assessments".into());
                continue;
            }
            let Some(aspect) = self.aspect(raw, levels, targets, &id, &name) else {
                continue;
            };
            ladder.competencies.push(aspect);
        }
        if ladder.competencies.len() == first {
            return;
        }
        for competency in ladder.competencies.iter_mut() {
            competency.area = if competency.level_wide {
                0
            } else {
                competency.area + 1
            };
        }
        ladder.areas.insert(
            0,
            Area {
                name: String::new(),
                slug: "level-wide".into(),
                competencies: (first..ladder.competencies.len()).collect(),
                implicit: false,
                level_wide: true,
            },
        );
    }

    /// One aspect as a competency: every level's entry under its id, as if
    /// the entries were one competency's keyed by level.
    fn aspect(
        &mut self,
        raw: &RawBook,
        levels: &[Level],
        targets: &LinkTargets,
        id: &str,
        name: &At<String>,
    ) -> Option<Competency> {
        let expectations: Vec<RawExpectation> = raw
            .levels
            .iter()
            .flat_map(|level| {
                level
                    .expectations
                    .iter()
                    .filter(|entry| entry.level.value == id)
                    .map(|entry| RawExpectation {
                        level: At::new(level.id.value.clone(), entry.level.pos),
                        ..entry.clone()
                    })
            })
            .collect();
        if expectations.is_empty() {
            self.warning(
                "empty-aspect",
                CONFIG_FILE,
                name.pos,
                format!(
                    "no level expects anything under the aspect `{}`",
                    name.value
                ),
            )
            .help = Some(format!(
                "add `expectations:` with `{id}: ...` to a level's front matter, or remove the aspect from `[ladder] aspects`"
            ));
            return None;
        }
        let entries = RawCompetency {
            file: CONFIG_FILE.into(),
            id: At::new(id.to_string(), name.pos),
            name: name.clone(),
            area: None,
            order: None,
            summary: None,
            description: None,
            expectations,
            expectations_pos: name.pos,
        };
        let (cells, ends) = self.cells(&entries, levels, targets);
        Some(Competency {
            id: id.to_string(),
            name: name.value.clone(),
            area: 0,
            summary: None,
            description: None,
            cells,
            ends,
            level_wide: true,
        })
    }

    /// A level's `expectations:` key that `[ladder] aspects` does not name.
    fn check_undeclared_aspects(&mut self, raw: &RawBook, declared: &[(String, At<String>)]) {
        let ids: Vec<&str> = declared.iter().map(|(id, _)| id.as_str()).collect();
        for level in &raw.levels {
            for entry in &level.expectations {
                let key = &entry.level.value;
                if ids.contains(&key.as_str()) {
                    continue;
                }
                self.error(
                    "unknown-aspect",
                    &level.file,
                    entry.level.pos,
                    format!("`{key}` is not an aspect of this book"),
                )
                .help = Some(match did_you_mean(key, &ids) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None if ids.is_empty() => format!(
                        "a level's `expectations:` are keyed by the aspects of book.toml: declare them, e.g. `[ladder] aspects = [\"{}\"]`",
                        key
                    ),
                    None => format!(
                        "declare it in book.toml's `[ladder] aspects` (known: {})",
                        ids.join(", ")
                    ),
                });
            }
        }
    }
}
