//! Competencies: their areas in display order, their own order within an
//! area, and their cells (own entries, then carry-over or, in a cumulative
//! book, the lower levels' items still expected).

use super::Resolver;
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::targets::LinkTargets;
use crate::decode::did_you_mean;

/// A competency placed in an area, with the order it sorts by.
struct Placed {
    competency: Competency,
    order: i64,
}

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
        // Which area indices hold competencies written without `area`.
        let mut implicit: Vec<usize> = Vec::new();
        let mut placed: Vec<Placed> = Vec::new();
        for (raw_competency, keep) in raw.competencies.iter().zip(&targets.keep_competencies) {
            if !keep {
                continue;
            }
            let file = &raw_competency.file;
            let name = match &raw_competency.area {
                Some(area) => {
                    self.check_listed_area(file, area, &configured);
                    area.value.clone()
                }
                None => self.config.ladder.default_area.clone(),
            };
            let area = match area_names.iter().position(|a| *a == name) {
                Some(index) => index,
                None => {
                    area_names.push(name);
                    area_names.len() - 1
                }
            };
            if raw_competency.area.is_none() && !implicit.contains(&area) {
                implicit.push(area);
            }
            let (cells, ends) = self.cells(raw_competency, levels, targets);
            placed.push(Placed {
                competency: Competency {
                    id: raw_competency.id.value.clone(),
                    name: raw_competency.name.value.clone(),
                    area,
                    summary: self.md(file, &raw_competency.summary, true, targets),
                    description: self.md(file, &raw_competency.description, false, targets),
                    cells,
                    ends,
                    level_wide: false,
                },
                order: raw_competency.order.as_ref().map_or(i64::MAX, |o| o.value),
            });
        }
        // A competency that failed to load may be the one of an area, and
        // without a content folder every area is empty: both are reported.
        let unsure = raw
            .undecoded
            .iter()
            .any(|(kind, _)| *kind == crate::content::source::Kind::Competency)
            || self.diagnostics.iter().any(|d| d.code == "missing-content");
        if !unsure {
            self.check_empty_areas(&placed, &area_names);
        }
        order_areas(placed, area_names, configured.len(), &implicit)
    }

    fn check_listed_area(
        &mut self,
        file: &str,
        area: &crate::decode::At<String>,
        configured: &[String],
    ) {
        if configured.is_empty() || configured.contains(&area.value) {
            return;
        }
        let known: Vec<&str> = configured.iter().map(String::as_str).collect();
        self.warning(
            "unlisted-area",
            file,
            area.pos,
            format!(
                "the area `{}` is not listed in book.toml's [ladder] areas",
                area.value
            ),
        )
        .help = Some(match did_you_mean(&area.value, &known) {
            Some(close) => {
                format!("did you mean `{close}`? Unlisted areas are shown after the listed ones")
            }
            None => "add it to `[ladder] areas` to place it; unlisted areas are shown last".into(),
        });
    }

    fn check_empty_areas(&mut self, placed: &[Placed], area_names: &[String]) {
        for area in &self.config.ladder.areas {
            if !placed
                .iter()
                .any(|p| area_names[p.competency.area] == area.value)
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
    }

    /// Own entries, then carry-over: a level with no entry takes the nearest
    /// lower rank's entry in its track (spec, competencies/<id>.yaml). In a
    /// cumulative book a level instead keeps its own items and lists the
    /// lower levels whose items it still expects.
    pub(super) fn cells(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> (Vec<Option<Cell>>, Vec<usize>) {
        let file = &raw.file;
        let mut cells: Vec<Option<Cell>> = vec![None; levels.len()];
        let mut ends: Vec<usize> = Vec::new();
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
            return (cells, ends);
        }
        for expectation in &raw.expectations {
            if expectation.ends
                && let Some(level) = levels.iter().position(|l| l.id == expectation.level.value)
            {
                ends.push(level);
                continue;
            }
            if let Some((level, cell)) =
                self.own_cell(&expectation.file, expectation, levels, targets)
            {
                cells[level] = Some(cell);
            }
        }
        ends.sort_unstable();
        if self.config.ladder.expectations == crate::config::ExpectationMode::Cumulative {
            self.check_repeated_items(raw, levels, &cells);
            cumulate(&mut cells, levels, &ends);
        } else {
            carry_over(&mut cells, levels, &ends);
        }
        self.check_ends(raw, levels, &cells, &mut ends);
        self.attach_notes(raw, levels, &mut cells, targets);
        (cells, ends)
    }

    /// Notes go on their level's cell after carry-over, so a note is never
    /// copied to the levels above. A note alone keeps the carried cell.
    fn attach_notes(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        cells: &mut [Option<Cell>],
        targets: &LinkTargets,
    ) {
        for expectation in &raw.expectations {
            let Some(note) = &expectation.note else {
                continue;
            };
            let Some(level) = levels.iter().position(|l| l.id == expectation.level.value) else {
                continue;
            };
            let html = self.md(&expectation.file, &Some(note.clone()), true, targets);
            match &mut cells[level] {
                Some(cell) => cell.note = html,
                None => {
                    self.error(
                        "nothing-to-note",
                        &expectation.file,
                        note.pos,
                        "a note alone carries over the level below's items, but the level below expects nothing here",
                    )
                    .help = Some("add `items:` with what this level expects, or move the note to a level that has some".into());
                }
            }
        }
    }

    /// `[]` ends a competency that a lower level of the track expects; at
    /// or below its first entry there is nothing to end (issue 25).
    fn check_ends(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        cells: &[Option<Cell>],
        ends: &mut Vec<usize>,
    ) {
        ends.retain(|&level| {
            let expected_below = levels[level]
                .previous
                .is_some_and(|below| cells[below].is_some());
            if !expected_below {
                let expectation = raw
                    .expectations
                    .iter()
                    .find(|e| e.ends && e.level.value == levels[level].id)
                    .expect("every end comes from an entry");
                self.error(
                    "nothing-to-end",
                    &expectation.file,
                    expectation.level.pos,
                    if expectation.file == raw.file {
                        format!(
                            "`{}: []` ends the competency, but the level below does not expect it",
                            levels[level].id
                        )
                    } else {
                        // A level-wide aspect: its entries are in the levels' files.
                        format!(
                            "`{}: []` ends the aspect, but the level below does not expect it",
                            raw.id.value
                        )
                    },
                )
                .help = Some(
                    "`[]` stops carry-over from a lower level; remove the entry, or write what this level expects".into(),
                );
            }
            expected_below
        });
    }

    /// One own entry as a cell, with its level; `None` for an entry of an
    /// unknown level or an empty one (both reported).
    fn own_cell(
        &mut self,
        file: &str,
        expectation: &RawExpectation,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> Option<(usize, Cell)> {
        let Some(level) = levels.iter().position(|l| l.id == expectation.level.value) else {
            if !targets.levels.contains_key(&expectation.level.value) {
                self.unknown_reference(file, &expectation.level, "level", targets.levels.keys());
            }
            return None;
        };
        if expectation.items.is_empty() {
            // Items written but broken are reported already; a note alone
            // keeps the carried items (issue 25).
            if !expectation.broken && expectation.note.is_none() {
                self.error(
                    "empty-field",
                    file,
                    expectation.level.pos,
                    "this expectation is empty",
                )
                .help = Some(
                    "write what is expected, or remove the entry to carry the lower level's over (`[]` ends the competency from this level on)"
                        .into(),
                );
            }
            return None;
        }
        let items = expectation
            .items
            .iter()
            .map(|item| Item {
                text: self.markdown(file, &item.text, true, targets).0,
                examples: self.md_list(file, &item.examples, targets),
            })
            .collect();
        Some((
            level,
            Cell {
                items,
                source_level: level,
                inherited: Vec::new(),
                note: None,
            },
        ))
    }

    /// In a cumulative book an item written again at a higher level is
    /// expected twice: the copy was the workaround before levels could add
    /// up, and is now noise on every page.
    fn check_repeated_items(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        cells: &[Option<Cell>],
    ) {
        for expectation in &raw.expectations {
            let Some(level) = levels.iter().position(|l| l.id == expectation.level.value) else {
                continue;
            };
            let mut lower = levels[level].previous;
            while let Some(below) = lower {
                if let Some(cell) = &cells[below] {
                    for item in &expectation.items {
                        if cell.items.iter().any(|b| b.text.source == item.text.text) {
                            let below_id = &levels[below].id;
                            self.warning(
                                "repeated-item",
                                &expectation.file,
                                item.text.pos,
                                format!(
                                    "this item is already expected from `{below_id}`, a lower level"
                                ),
                            )
                            .help = Some(format!(
                                "levels add up in this book (`expectations = \"cumulative\"`): remove the copy; `{below_id}`'s item still applies here"
                            ));
                        }
                    }
                }
                lower = levels[below].previous;
            }
        }
    }
}

/// Replace books: a level without an entry takes the nearest lower one.
fn carry_over(cells: &mut [Option<Cell>], levels: &[Level], ends: &[usize]) {
    for index in 0..levels.len() {
        if cells[index].is_none()
            && !ends.contains(&index)
            && let Some(previous) = levels[index].previous
        {
            cells[index] = cells[previous].clone();
            if let Some(cell) = &mut cells[index] {
                cell.note = None;
            }
        }
    }
}

/// Cumulative books: every level at or above the first entry of its track
/// expects its own items (maybe none) and those of each lower level that
/// has an entry. Levels are sorted by track and rank, so the level below
/// is always resolved first.
fn cumulate(cells: &mut [Option<Cell>], levels: &[Level], ends: &[usize]) {
    for index in 0..levels.len() {
        let Some(previous) = levels[index].previous else {
            continue;
        };
        if ends.contains(&index) {
            continue;
        }
        let Some(below) = &cells[previous] else {
            continue;
        };
        let mut inherited = below.inherited.clone();
        if !below.items.is_empty() {
            inherited.push(previous);
        }
        match &mut cells[index] {
            Some(cell) => cell.inherited = inherited,
            None => {
                cells[index] = Some(Cell {
                    items: Vec::new(),
                    source_level: index,
                    inherited,
                    note: None,
                });
            }
        }
    }
}

/// Areas in display order: the listed ones as listed, then the others by
/// name; competencies within an area by `order`, then name and id. Areas
/// left empty are dropped.
fn order_areas(
    placed: Vec<Placed>,
    area_names: Vec<String>,
    listed: usize,
    implicit: &[usize],
) -> (Vec<Area>, Vec<Competency>) {
    // Unlisted areas come after the listed ones, alphabetically, so the
    // order never depends on the order files were read in.
    let mut order: Vec<usize> = (0..area_names.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            if i < listed {
                (false, "", i)
            } else {
                (true, area_names[i].as_str(), i)
            }
        };
        key(a).cmp(&key(b))
    });
    let mut position = vec![0; area_names.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    let mut placed = placed;
    for p in &mut placed {
        p.competency.area = position[p.competency.area];
    }
    placed.sort_by(|a, b| {
        let key = |p: &Placed| (p.competency.area, p.order);
        key(a).cmp(&key(b)).then_with(|| {
            (&a.competency.name, &a.competency.id).cmp(&(&b.competency.name, &b.competency.id))
        })
    });
    let mut competencies: Vec<Competency> = placed.into_iter().map(|p| p.competency).collect();
    let mut areas: Vec<Area> = order
        .iter()
        .map(|&old| Area {
            name: area_names[old].clone(),
            slug: crate::markdown::slugify(&area_names[old]),
            competencies: Vec::new(),
            implicit: implicit.contains(&old),
            level_wide: false,
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
