//! The comparison on small books made in memory.

use crate::content::memory::{MemoryFile, load_memory_book};
use crate::content::model::Book;
use crate::history::diff::{CarryOverNow, CellStatus, Change, Diff, Direction};
use crate::history::diff_books;

const CONFIG: &str = "[book]\ntitle = \"T\"\n[ladder]\nareas = [\"Craft\"]\n";

fn level(id: &str, title: &str, rank: u32) -> (String, String) {
    (
        format!("levels/{id}.md"),
        format!(
            "---\ntitle: {title}\ncode: {}\nrank: {rank}\n---\nBody of {id}.\n",
            id.to_uppercase()
        ),
    )
}

/// Three levels and one competency whose expectations are `expectations`
/// (YAML lines below `expectations:`), plus `extra` files.
fn book(expectations: &str, extra: &[(&str, &str)]) -> Book {
    let mut files = vec![
        level("e1", "Engineer I", 1),
        level("e2", "Engineer II", 2),
        level("e3", "Engineer III", 3),
    ];
    files.push((
        "competencies/delivery.yaml".into(),
        format!("name: Delivery\narea: Craft\nexpectations:\n{expectations}"),
    ));
    for (path, text) in extra {
        files.retain(|(p, _)| p != path);
        files.push((path.to_string(), text.to_string()));
    }
    let files: Vec<MemoryFile> = files
        .into_iter()
        .map(|(path, text)| MemoryFile { path, text })
        .collect();
    let loaded = load_memory_book(CONFIG, &files);
    let errors: Vec<String> = loaded.diagnostics.iter().map(|d| d.one_line()).collect();
    assert!(!loaded.diagnostics.has_errors(), "{errors:?}");
    loaded.book
}

fn diff(old: &Book, new: &Book) -> Diff {
    diff_books(old, "old", new, "new")
}

#[test]
fn the_same_book_has_no_changes() {
    let one = book("  e1: Ships small changes.\n", &[]);
    let result = diff(&one, &one);
    assert!(!result.has_changes(), "{result:#?}");
}

#[test]
fn expectations_added_removed_and_reworded_in_a_cell() {
    let old = book(
        "  e2:\n    - Plans a feature into milestones.\n    - Writes the release notes.\n",
        &[],
    );
    let new = book(
        "  e2:\n    - Plans a feature into milestones and a rollout.\n    - Mentors a new joiner.\n",
        &[],
    );
    let result = diff(&old, &new);
    assert_eq!(result.cells.len(), 1, "{:#?}", result.cells);
    let cell = &result.cells[0];
    assert_eq!(
        (cell.competency.as_str(), cell.level.as_str()),
        ("delivery", "e2")
    );
    assert_eq!(cell.status, CellStatus::Changed);
    assert_eq!(cell.added, ["Mentors a new joiner."]);
    assert_eq!(cell.removed, ["Writes the release notes."]);
    assert_eq!(cell.reworded.len(), 1);
    assert_eq!(cell.reworded[0].old, "Plans a feature into milestones.");
    assert_eq!(
        cell.reworded[0].new,
        "Plans a feature into milestones and a rollout."
    );
    assert!(result.moves.is_empty());
}

#[test]
fn an_expectation_taken_to_a_lower_level_is_a_move_earlier() {
    let old = book(
        "  e1: Ships small changes.\n  e3:\n    - Leads the incident review.\n    - Owns a service.\n",
        &[],
    );
    let new = book(
        "  e1:\n    - Ships small changes.\n    - Leads the incident review.\n  e3: Owns a service.\n",
        &[],
    );
    let result = diff(&old, &new);
    assert_eq!(result.moves.len(), 1, "{:#?}", result);
    let moved = &result.moves[0];
    assert_eq!((moved.from.as_str(), moved.to.as_str()), ("e3", "e1"));
    assert_eq!(moved.direction, Direction::Earlier);
    assert!(moved.words.is_none());
    // Neither level reports it as added or removed.
    assert!(
        result
            .cells
            .iter()
            .all(|c| c.added.is_empty() && c.removed.is_empty()),
        "{:#?}",
        result.cells
    );
}

#[test]
fn a_nearly_equal_text_in_another_level_is_a_move_with_its_words() {
    let old = book(
        "  e1: Ships small changes with tests.\n  e2: Owns a service.\n",
        &[],
    );
    let new = book(
        "  e1: Owns a service.\n  e2:\n    - Owns a service.\n    - Ships small changes with good tests.\n",
        &[],
    );
    let result = diff(&old, &new);
    let moved = result
        .moves
        .iter()
        .find(|m| m.from == "e1")
        .expect("a move from e1");
    assert_eq!(
        (moved.to.as_str(), moved.direction),
        ("e2", Direction::Later)
    );
    assert!(moved.words.is_some());
}

#[test]
fn carry_over_changes_both_ways() {
    // e2 carried e1's text; now it has its own. e3 had its own; now carries e2's.
    let old = book("  e1: Ships small changes.\n  e3: Owns a service.\n", &[]);
    let new = book(
        "  e1: Ships small changes.\n  e2: Ships small changes.\n",
        &[],
    );
    let result = diff(&old, &new);
    let e2 = result
        .cells
        .iter()
        .find(|c| c.level == "e2")
        .expect("e2 changed");
    let carry = e2.carry_over.as_ref().expect("a carry-over change");
    assert_eq!((carry.now, carry.from.as_str()), (CarryOverNow::Own, "e1"));
    assert!(e2.added.is_empty() && e2.removed.is_empty());
    let e3 = result
        .cells
        .iter()
        .find(|c| c.level == "e3")
        .expect("e3 changed");
    let carry = e3.carry_over.as_ref().expect("a carry-over change");
    assert_eq!(
        (carry.now, carry.from.as_str()),
        (CarryOverNow::Carried, "e2")
    );
    assert_eq!(e3.removed, ["Owns a service."]);
    assert_eq!(e3.added, ["Ships small changes."]);
}

#[test]
fn moving_into_a_level_that_carried_it_is_a_move() {
    // e2 carried both; now e1 keeps one and e2 has its own copy of the other.
    let old = book(
        "  e1:\n    - Ships small changes.\n    - Writes the runbook.\n",
        &[],
    );
    let new = book(
        "  e1: Ships small changes.\n  e2:\n    - Ships small changes.\n    - Writes the runbook.\n",
        &[],
    );
    let result = diff(&old, &new);
    assert_eq!(result.moves.len(), 1, "{:#?}", result);
    assert_eq!(
        (result.moves[0].from.as_str(), result.moves[0].to.as_str()),
        ("e1", "e2")
    );
    let e1 = result.cells.iter().find(|c| c.level == "e1");
    assert!(e1.is_none_or(|c| c.removed.is_empty()), "{e1:#?}");
}

#[test]
fn a_competency_starting_and_ending_at_levels() {
    let old = book("  e2: Owns a service.\n", &[]);
    let new = book("  e1: Owns a service.\n", &[]);
    let result = diff(&old, &new);
    let e1 = result
        .cells
        .iter()
        .find(|c| c.level == "e1")
        .expect("e1 starts");
    assert_eq!(e1.status, CellStatus::Starts);
    assert_eq!(result.moves.len(), 1);
    assert_eq!(result.moves[0].direction, Direction::Earlier);
}

#[test]
fn levels_and_competencies_renamed_added_and_removed() {
    let old = book(
        "  e1: Ships.\n",
        &[(
            "competencies/ops.yaml",
            "name: Ops\narea: Craft\nexpectations:\n  e1: Runs it.\n",
        )],
    );
    let (path, text) = level("e4", "Staff", 4);
    let new = book(
        "  e1: Ships.\n",
        &[
            (&path, &text),
            (
                "levels/e2.md",
                "---\ntitle: Engineer 2\ncode: E2\nrank: 2\n---\nBody of e2.\n",
            ),
        ],
    );
    let result = diff(&old, &new);
    let levels: Vec<(&str, Change)> = result
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.change))
        .collect();
    assert_eq!(levels, [("e2", Change::Renamed), ("e4", Change::Added)]);
    assert_eq!(result.levels[0].old_title.as_deref(), Some("Engineer II"));
    let competencies: Vec<(&str, Change)> = result
        .competencies
        .iter()
        .map(|c| (c.id.as_str(), c.change))
        .collect();
    assert_eq!(competencies, [("ops", Change::Removed)]);
    // Cells of removed competencies and added levels are not listed.
    assert!(
        result
            .cells
            .iter()
            .all(|c| c.competency != "ops" && c.level != "e4")
    );
}

const ARCHETYPE: &str = "---\nname: Builder\nemphasis:\n  delivery: 5\n---\nBody.\n";
const SCORECARD: &str = "title: Loop\nlevels: [e2]\ndimensions:\n  - competency: delivery\n    meets: Splits work.\n    exceeds: Plans rollouts.\ninterviews:\n  - id: design\n    title: Design\n    focus: [delivery]\n";

#[test]
fn emphasis_dimensions_bars_and_guides() {
    let old = book(
        "  e1: Ships.\n",
        &[
            ("archetypes/builder.md", ARCHETYPE),
            ("scorecards/loop.yaml", SCORECARD),
            ("pages/how.md", "---\ntitle: How\n---\none\ntwo\n"),
        ],
    );
    let new = book(
        "  e1: Ships.\n",
        &[
            (
                "archetypes/builder.md",
                &ARCHETYPE.replace("delivery: 5", "delivery: 3"),
            ),
            (
                "scorecards/loop.yaml",
                &SCORECARD.replace("Splits work.", "Splits work into small steps."),
            ),
            ("pages/how.md", "---\ntitle: How\n---\none\nthree\nfour\n"),
            ("pages/new.md", "---\ntitle: New\n---\nhello\n"),
        ],
    );
    let result = diff(&old, &new);
    assert_eq!(result.emphasis.len(), 1);
    assert_eq!(
        (result.emphasis[0].old, result.emphasis[0].new),
        (Some(5), Some(3))
    );
    assert_eq!(result.dimensions.len(), 1);
    let meets = result.dimensions[0].meets.as_ref().expect("meets changed");
    assert_eq!(meets.new.as_deref(), Some("Splits work into small steps."));
    assert!(result.dimensions[0].exceeds.is_none());
    let guides: Vec<(&str, Change, usize, usize)> = result
        .guides
        .iter()
        .map(|g| (g.path.as_str(), g.change, g.lines_added, g.lines_removed))
        .collect();
    assert_eq!(
        guides,
        [("how", Change::Changed, 2, 1), ("new", Change::Added, 1, 0)]
    );
}

#[test]
fn examples_added_and_removed_under_a_kept_expectation() {
    let old = book(
        "  e2:\n    - text: Plans a feature into milestones.\n      examples: [Split the billing rewrite into four steps.]\n    - Writes the release notes.\n",
        &[],
    );
    let new = book(
        "  e2:\n    - text: Plans a feature into milestones.\n      examples: [Planned the search migration.]\n    - Writes the release notes.\n",
        &[],
    );
    let result = diff(&old, &new);
    assert_eq!(result.cells.len(), 1, "{:#?}", result.cells);
    let cell = &result.cells[0];
    assert!(cell.added.is_empty() && cell.removed.is_empty() && cell.reworded.is_empty());
    assert_eq!(cell.examples.len(), 1);
    assert_eq!(
        cell.examples[0].expectation,
        "Plans a feature into milestones."
    );
    assert_eq!(cell.examples[0].added, ["Planned the search migration."]);
    assert_eq!(
        cell.examples[0].removed,
        ["Split the billing rewrite into four steps."]
    );
    let same = diff(&new, &new);
    assert!(!same.has_changes());
}
