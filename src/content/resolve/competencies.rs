//! Competencies: their areas in display order, and their cells (own
//! entries, then carry-over).

use super::Resolver;
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::targets::LinkTargets;
use crate::decode::did_you_mean;

impl Resolver<'_> {
    pub(super) fn competencies(
        &mut self,
        raw: &RawBook,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> (Vec<Area>, Vec<Competency>) {
        let configured: Vec<String> = self
            .config
            .ladder
            .areas
            .iter()
            .map(|a| a.value.clone())
            .collect();
        let mut area_names: Vec<String> = configured.clone();
        let mut competencies: Vec<Competency> = Vec::new();
        for (raw_competency, keep) in raw.competencies.iter().zip(&targets.keep_competencies) {
            if !keep {
                continue;
            }
            let file = &raw_competency.file;
            let area_name = &raw_competency.area;
            if !configured.is_empty() && !configured.contains(&area_name.value) {
                let known: Vec<&str> = configured.iter().map(String::as_str).collect();
                self.warning(
                    "unlisted-area",
                    file,
                    area_name.pos,
                    format!(
                        "the area `{}` is not listed in book.toml's [ladder] areas",
                        area_name.value
                    ),
                )
                .help = Some(match did_you_mean(&area_name.value, &known) {
                    Some(close) => format!(
                        "did you mean `{close}`? Unlisted areas are shown after the listed ones"
                    ),
                    None => "add it to `[ladder] areas` to place it; unlisted areas are shown last"
                        .into(),
                });
            }
            let area = match area_names.iter().position(|a| *a == area_name.value) {
                Some(index) => index,
                None => {
                    area_names.push(area_name.value.clone());
                    area_names.len() - 1
                }
            };
            let cells = self.cells(raw_competency, levels, targets);
            competencies.push(Competency {
                id: raw_competency.id.value.clone(),
                name: raw_competency.name.value.clone(),
                area,
                summary: self.md(file, &raw_competency.summary, true, targets),
                description: self.md(file, &raw_competency.description, false, targets),
                cells,
            });
        }
        for area in &self.config.ladder.areas {
            if !competencies
                .iter()
                .any(|c| area_names[c.area] == area.value)
            {
                self.warning(
                    "empty-area",
                    crate::config::CONFIG_FILE,
                    area.pos,
                    format!("no competency is in the area `{}`", area.value),
                )
                .help = Some(
                    "remove it from `[ladder] areas` or set a competency's `area` to it".into(),
                );
            }
        }
        // Unlisted areas come after the listed ones, alphabetically, so the
        // order never depends on the order files were read in.
        let mut order: Vec<usize> = (0..area_names.len()).collect();
        order.sort_by(|&a, &b| {
            let listed = |i: usize| i < configured.len();
            (
                !listed(a),
                if listed(a) {
                    String::new()
                } else {
                    area_names[a].clone()
                },
                a,
            )
                .cmp(&(
                    !listed(b),
                    if listed(b) {
                        String::new()
                    } else {
                        area_names[b].clone()
                    },
                    b,
                ))
        });
        let mut position = vec![0; area_names.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        for competency in &mut competencies {
            competency.area = position[competency.area];
        }
        competencies.sort_by(|a, b| (a.area, &a.name, &a.id).cmp(&(b.area, &b.name, &b.id)));
        let mut areas: Vec<Area> = order
            .iter()
            .map(|&old| Area {
                name: area_names[old].clone(),
                slug: crate::markdown::slugify(&area_names[old]),
                competencies: Vec::new(),
            })
            .collect();
        for (index, competency) in competencies.iter().enumerate() {
            areas[competency.area].competencies.push(index);
        }
        areas.retain(|area| !area.competencies.is_empty());
        for (new_index, area) in areas.iter().enumerate() {
            for &c in &area.competencies {
                competencies[c].area = new_index;
            }
        }
        (areas, competencies)
    }

    /// Own entries, then carry-over: a level with no entry takes the nearest
    /// lower rank's entry in its track (spec, competencies/<id>.yaml).
    pub(super) fn cells(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> Vec<Option<Cell>> {
        let file = &raw.file;
        let mut cells: Vec<Option<Cell>> = vec![None; levels.len()];
        if raw.expectations.is_empty() {
            self.error(
                "no-expectations",
                file,
                raw.expectations_pos,
                format!("the competency `{}` has no expectations", raw.id.value),
            )
            .help = Some(
                "add `expectations:` with at least one `<level-id>: <what is expected>` entry"
                    .into(),
            );
            return cells;
        }
        for expectation in &raw.expectations {
            let Some(level) = levels.iter().position(|l| l.id == expectation.level.value) else {
                if !targets.levels.contains_key(&expectation.level.value) {
                    self.unknown_reference(
                        file,
                        &expectation.level,
                        "level",
                        targets.levels.keys(),
                    );
                }
                continue;
            };
            if expectation.items.is_empty() {
                self.error(
                    "empty-field",
                    file,
                    expectation.level.pos,
                    "this expectation is empty",
                )
                .help = Some(
                    "write what is expected, or remove the entry to carry the lower level's over"
                        .into(),
                );
                continue;
            }
            let items = self.md_list(file, &expectation.items, targets);
            cells[level] = Some(Cell {
                items,
                source_level: level,
            });
        }
        for index in 0..levels.len() {
            if cells[index].is_none()
                && let Some(previous) = levels[index].previous
            {
                cells[index] = cells[previous].clone();
            }
        }
        cells
    }
}
