//! Expectations compared cell by cell: for each competency and level that
//! both books have, what was added, removed, reworded, moved to another
//! level, and whether the cell went from carrying over to its own text.
//!
//! A cell is compared by what it expects (its own text, or the text it
//! carries over), but only where at least one side has its own text: a cell
//! that carries over on both sides changes only through the level it
//! carries from, which is reported there, once.
//!
//! Items are paired greedily, most alike first, every pair at least
//! [`REWORDED`] alike within a cell and [`MOVED`] alike across levels;
//! within a cell before across levels at equal likeness. Moving an
//! expectation into a level that used to carry it over is found after that
//! (see `moves_through_carry_over`).

use crate::content::model::{Book, Cell, Competency};
use crate::history::diff::{
    CarryOver, CarryOverNow, CellChange, CellStatus, Direction, ExampleChange, Move, Reworded,
};
use crate::history::expectation::{cell_examples, cell_texts};
use crate::history::words::{MOVED, REWORDED, similarity, word_diff};

/// One (competency, level) of both books.
struct Slot<'a> {
    old_level: usize,
    new_level: usize,
    old_cell: Option<&'a Cell>,
    new_cell: Option<&'a Cell>,
    old_items: Vec<&'a str>,
    new_items: Vec<&'a str>,
    /// `old_examples[i]`: the examples of `old_items[i]`.
    old_examples: Vec<Vec<&'a str>>,
    new_examples: Vec<Vec<&'a str>>,
}

impl Slot<'_> {
    fn old_own(&self) -> bool {
        self.old_cell
            .is_some_and(|c| c.source_level == self.old_level)
    }

    fn new_own(&self) -> bool {
        self.new_cell
            .is_some_and(|c| c.source_level == self.new_level)
    }
}

/// An item of a slot: the slot's index and the item's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    slot: usize,
    item: usize,
}

/// Which older item became which newer one.
#[derive(Default)]
struct Matching {
    /// Per slot and older item: its newer counterpart.
    old: Vec<Vec<Option<At>>>,
    /// Per slot and newer item: its older counterpart.
    new: Vec<Vec<Option<At>>>,
    /// Moves found through carry-over, older item to newer item.
    through_carry_over: Vec<(At, At)>,
}

/// Every cell change and move between two books, competency by competency
/// in the newer book's display order.
pub fn diff_cells(old: &Book, new: &Book) -> (Vec<CellChange>, Vec<Move>) {
    let mut cells = Vec::new();
    let mut moves = Vec::new();
    for area in &new.areas {
        for &c in &area.competencies {
            let competency = &new.competencies[c];
            let Some(before) = old.competencies.iter().find(|o| o.id == competency.id) else {
                continue;
            };
            let slots = slots(old, new, before, competency);
            let matching = match_items(&slots);
            let context = Context {
                old,
                new,
                competency,
                slots: &slots,
                matching: &matching,
            };
            cells.extend((0..slots.len()).filter_map(|s| context.cell_change(s)));
            moves.extend(context.moves());
        }
    }
    (cells, moves)
}

/// The levels both books have, in the newer order, where this competency
/// has its own text on at least one side or is expected on one side only.
fn slots<'a>(
    old: &'a Book,
    new: &'a Book,
    before: &'a Competency,
    after: &'a Competency,
) -> Vec<Slot<'a>> {
    let mut slots = Vec::new();
    for track in &new.tracks {
        for &new_level in &track.levels {
            let id = &new.levels[new_level].id;
            let Some(old_level) = old.levels.iter().position(|l| &l.id == id) else {
                continue;
            };
            let slot = Slot {
                old_level,
                new_level,
                old_cell: before.cells[old_level].as_ref(),
                new_cell: after.cells[new_level].as_ref(),
                old_items: before.cells[old_level]
                    .as_ref()
                    .map(cell_texts)
                    .unwrap_or_default(),
                new_items: after.cells[new_level]
                    .as_ref()
                    .map(cell_texts)
                    .unwrap_or_default(),
                old_examples: before.cells[old_level]
                    .as_ref()
                    .map(cell_examples)
                    .unwrap_or_default(),
                new_examples: after.cells[new_level]
                    .as_ref()
                    .map(cell_examples)
                    .unwrap_or_default(),
            };
            let one_side = slot.old_cell.is_some() != slot.new_cell.is_some();
            if slot.old_own() || slot.new_own() || one_side {
                slots.push(slot);
            }
        }
    }
    slots
}

/// Pairs older and newer items, most alike first.
fn match_items(slots: &[Slot]) -> Matching {
    let mut matching = Matching {
        old: slots
            .iter()
            .map(|s| vec![None; s.old_items.len()])
            .collect(),
        new: slots
            .iter()
            .map(|s| vec![None; s.new_items.len()])
            .collect(),
        through_carry_over: Vec::new(),
    };
    // An item kept word for word in its cell is the first pair the greedy
    // order below would make anyway (most alike, within a cell first, book
    // order); pairing those first spares comparing every unchanged item
    // with every other, most of the work on a ladder where little changed.
    for (s, slot) in slots.iter().enumerate() {
        for (i, text) in slot.old_items.iter().enumerate() {
            let same = (0..slot.new_items.len())
                .find(|&j| matching.new[s][j].is_none() && slot.new_items[j] == *text);
            if let Some(j) = same {
                pair(
                    &mut matching,
                    At { slot: s, item: i },
                    At { slot: s, item: j },
                );
            }
        }
    }
    for (_, _, from, to) in candidates(slots, &matching) {
        if matching.old[from.slot][from.item].is_none() && matching.new[to.slot][to.item].is_none()
        {
            pair(&mut matching, from, to);
        }
    }
    moves_through_carry_over(slots, &mut matching);
    matching
}

fn pair(matching: &mut Matching, from: At, to: At) {
    matching.old[from.slot][from.item] = Some(to);
    matching.new[to.slot][to.item] = Some(from);
}

/// The possible pairs of items not paired yet, with their likeness and
/// whether they share a cell, most alike first; within a cell first; then
/// in book order, so the pairing depends on nothing but the two books.
fn candidates(slots: &[Slot], matching: &Matching) -> Vec<(f32, bool, At, At)> {
    let mut candidates = Vec::new();
    for (s, old_slot) in slots.iter().enumerate() {
        for (i, old_text) in old_slot.old_items.iter().enumerate() {
            if matching.old[s][i].is_some() {
                continue;
            }
            for (t, new_slot) in slots.iter().enumerate() {
                let same = s == t;
                // Across levels, only own texts pair: a carried one is the
                // source level's, compared there.
                let across = old_slot.old_own() && new_slot.new_own();
                if !(same || across) {
                    continue;
                }
                let floor = if same { REWORDED } else { MOVED };
                for (j, new_text) in new_slot.new_items.iter().enumerate() {
                    if matching.new[t][j].is_some() {
                        continue;
                    }
                    let score = similarity(old_text, new_text);
                    if score >= floor {
                        candidates.push((
                            score,
                            same,
                            At { slot: s, item: i },
                            At { slot: t, item: j },
                        ));
                    }
                }
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(
            (a.2.slot, a.2.item, a.3.slot, a.3.item).cmp(&(b.2.slot, b.2.item, b.3.slot, b.3.item)),
        )
    });
    candidates
}

/// An expectation taken out of one level and written into a level that used
/// to carry it over (or the reverse) pairs, within that level, with the
/// carried text; so the first level alone seems to lose (or gain) it. It
/// moved: the older item follows the newer one it matches there.
fn moves_through_carry_over<'a>(slots: &[Slot<'a>], matching: &mut Matching) {
    let mut found = Vec::new();
    for (s, slot) in slots.iter().enumerate() {
        for (i, text) in slot.old_items.iter().enumerate() {
            if slot.old_own() && matching.old[s][i].is_none() {
                // Removed here: written into a level that used to carry it?
                let became_own = |other: &Slot| !other.old_own() && other.new_own();
                let newer = |other: &Slot<'a>| other.new_items.clone();
                if let Some(to) = kept_in_place(slots, &matching.new, s, text, became_own, newer) {
                    found.push((At { slot: s, item: i }, to));
                }
            }
        }
        for (j, text) in slot.new_items.iter().enumerate() {
            if slot.new_own() && matching.new[s][j].is_none() {
                // Added here: taken from a level that carries it now?
                let became_carried = |other: &Slot| other.old_own() && !other.new_own();
                let older = |other: &Slot<'a>| other.old_items.clone();
                if let Some(from) =
                    kept_in_place(slots, &matching.old, s, text, became_carried, older)
                {
                    found.push((from, At { slot: s, item: j }));
                }
            }
        }
    }
    matching.through_carry_over = found;
}

/// An item of a slot other than `skip` that `changed_hands` (went from
/// carried to own text or back), paired within its own slot, and at least
/// [`MOVED`] alike to `text`; `items` picks the side `pairs` is of.
fn kept_in_place<'a>(
    slots: &[Slot<'a>],
    pairs: &[Vec<Option<At>>],
    skip: usize,
    text: &str,
    changed_hands: impl Fn(&Slot) -> bool,
    items: impl Fn(&Slot<'a>) -> Vec<&'a str>,
) -> Option<At> {
    slots
        .iter()
        .enumerate()
        .filter(|&(t, other)| t != skip && changed_hands(other))
        .find_map(|(t, other)| {
            items(other).iter().enumerate().find_map(|(k, candidate)| {
                let in_place = pairs[t][k].is_some_and(|pair| pair.slot == t);
                (in_place && similarity(text, candidate) >= MOVED)
                    .then_some(At { slot: t, item: k })
            })
        })
}

/// What the emitting functions share.
struct Context<'a> {
    old: &'a Book,
    new: &'a Book,
    competency: &'a Competency,
    slots: &'a [Slot<'a>],
    matching: &'a Matching,
}

impl Context<'_> {
    fn moved_out(&self, at: At) -> bool {
        self.matching
            .through_carry_over
            .iter()
            .any(|(from, _)| *from == at)
    }

    fn moved_in(&self, at: At) -> bool {
        self.matching
            .through_carry_over
            .iter()
            .any(|(_, to)| *to == at)
    }

    /// The change of slot `s`, or `None` when it did not change.
    fn cell_change(&self, s: usize) -> Option<CellChange> {
        let slot = &self.slots[s];
        let mut removed = Vec::new();
        let mut reworded = Vec::new();
        for (i, text) in slot.old_items.iter().enumerate() {
            let at = At { slot: s, item: i };
            match self.matching.old[s][i] {
                None if !self.moved_out(at) => removed.push(text.to_string()),
                Some(to) if to.slot == s && slot.new_items[to.item] != *text => {
                    reworded.push(Reworded {
                        old: text.to_string(),
                        new: slot.new_items[to.item].to_string(),
                        words: word_diff(text, slot.new_items[to.item]),
                    })
                }
                _ => {}
            }
        }
        let added: Vec<String> = (0..slot.new_items.len())
            .filter(|&j| {
                self.matching.new[s][j].is_none() && !self.moved_in(At { slot: s, item: j })
            })
            .map(|j| slot.new_items[j].to_string())
            .collect();
        let status = match (slot.old_cell, slot.new_cell) {
            (None, Some(_)) => CellStatus::Starts,
            (Some(_), None) => CellStatus::Ends,
            _ => CellStatus::Changed,
        };
        let examples = self.example_changes(s);
        let carry_over = self.carry_over(slot);
        let unchanged =
            added.is_empty() && removed.is_empty() && reworded.is_empty() && examples.is_empty();
        if unchanged && carry_over.is_none() && status == CellStatus::Changed {
            return None;
        }
        let level = &self.new.levels[slot.new_level];
        Some(CellChange {
            competency: self.competency.id.clone(),
            competency_name: self.competency.name.clone(),
            level: level.id.clone(),
            level_label: level.label().to_string(),
            status,
            carry_over,
            added,
            removed,
            reworded,
            examples,
        })
    }

    /// The examples added to or removed from the items of slot `s` that
    /// stayed in it (reworded or not), in the newer book's order.
    fn example_changes(&self, s: usize) -> Vec<ExampleChange> {
        let slot = &self.slots[s];
        let mut changes = Vec::new();
        for (j, new_examples) in slot.new_examples.iter().enumerate() {
            let Some(from) = self.matching.new[s][j].filter(|from| from.slot == s) else {
                continue;
            };
            let old_examples = &slot.old_examples[from.item];
            let added: Vec<String> = new_examples
                .iter()
                .filter(|e| !old_examples.contains(e))
                .map(|e| e.to_string())
                .collect();
            let removed: Vec<String> = old_examples
                .iter()
                .filter(|e| !new_examples.contains(e))
                .map(|e| e.to_string())
                .collect();
            if !added.is_empty() || !removed.is_empty() {
                changes.push(ExampleChange {
                    expectation: slot.new_items[j].to_string(),
                    added,
                    removed,
                });
            }
        }
        changes
    }

    fn carry_over(&self, slot: &Slot) -> Option<CarryOver> {
        let (old_cell, new_cell) = (slot.old_cell?, slot.new_cell?);
        let (now, book, from) = match (slot.old_own(), slot.new_own()) {
            (false, true) => (CarryOverNow::Own, self.old, old_cell.source_level),
            (true, false) => (CarryOverNow::Carried, self.new, new_cell.source_level),
            _ => return None,
        };
        Some(CarryOver {
            now,
            from: book.levels[from].id.clone(),
            from_label: book.levels[from].label().to_string(),
        })
    }

    /// Items paired across levels, then moves through carry-over, in the
    /// order of the level they left.
    fn moves(&self) -> Vec<Move> {
        let mut pairs: Vec<(At, At)> = Vec::new();
        for (s, items) in self.matching.old.iter().enumerate() {
            for (i, to) in items.iter().enumerate() {
                if let Some(to) = to.filter(|to| to.slot != s) {
                    pairs.push((At { slot: s, item: i }, to));
                }
            }
        }
        pairs.extend(self.matching.through_carry_over.iter().copied());
        pairs.sort_by_key(|(from, to)| (from.slot, from.item, to.slot, to.item));
        pairs
            .into_iter()
            .map(|(from, to)| self.one_move(from, to))
            .collect()
    }

    fn one_move(&self, from: At, to: At) -> Move {
        let old_text = self.slots[from.slot].old_items[from.item];
        let new_text = self.slots[to.slot].new_items[to.item];
        let from_level = &self.new.levels[self.slots[from.slot].new_level];
        let to_level = &self.new.levels[self.slots[to.slot].new_level];
        let direction = if from_level.track != to_level.track {
            Direction::OtherTrack
        } else if to_level.rank < from_level.rank {
            Direction::Earlier
        } else {
            Direction::Later
        };
        Move {
            competency: self.competency.id.clone(),
            competency_name: self.competency.name.clone(),
            from: from_level.id.clone(),
            from_label: from_level.label().to_string(),
            to: to_level.id.clone(),
            to_label: to_level.label().to_string(),
            direction,
            old: old_text.to_string(),
            new: new_text.to_string(),
            words: (old_text != new_text).then(|| word_diff(old_text, new_text)),
        }
    }
}
