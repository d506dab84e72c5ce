//! The report's expectation changes regrouped level by level ("what changes
//! for an L3"), for the text and Markdown formats: per level, per
//! competency, the cell's change and the moves into and out of it.

use crate::history::diff::{CellChange, Diff, Move};

/// What changes for one level.
pub struct LevelGroup<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub title: &'a str,
    pub competencies: Vec<CompetencyGroup<'a>>,
}

/// What changes for one competency at one level.
pub struct CompetencyGroup<'a> {
    pub name: &'a str,
    pub cell: Option<&'a CellChange>,
    /// Expectations now expected here, from another level.
    pub moved_in: Vec<&'a Move>,
    /// Expectations now expected at another level, no longer here.
    pub moved_out: Vec<&'a Move>,
}

/// Levels with changes, in the newer book's order; within each, its
/// competencies in display order.
pub fn by_level(diff: &Diff) -> Vec<LevelGroup<'_>> {
    let mut groups = Vec::new();
    for (id, label, title) in &diff.order.levels {
        let mut competencies = Vec::new();
        for competency in &diff.order.competencies {
            let cell = diff
                .cells
                .iter()
                .find(|c| &c.level == id && &c.competency == competency);
            let of = |m: &&Move| &m.competency == competency;
            let moved_in: Vec<&Move> = diff
                .moves
                .iter()
                .filter(of)
                .filter(|m| &m.to == id)
                .collect();
            let moved_out: Vec<&Move> = diff
                .moves
                .iter()
                .filter(of)
                .filter(|m| &m.from == id)
                .collect();
            let name = cell.map(|c| c.competency_name.as_str()).or_else(|| {
                moved_in
                    .iter()
                    .chain(&moved_out)
                    .map(|m| m.competency_name.as_str())
                    .next()
            });
            if let Some(name) = name {
                competencies.push(CompetencyGroup {
                    name,
                    cell,
                    moved_in,
                    moved_out,
                });
            }
        }
        if !competencies.is_empty() {
            groups.push(LevelGroup {
                id,
                label,
                title,
                competencies,
            });
        }
    }
    groups
}
