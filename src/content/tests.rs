//! The whole content stage on the valid fixture book
//! (tests/fixtures/books/valid): spot checks of the resolved model that the
//! renderers rely on without re-checking.

use std::path::Path;

use super::changes::{ChangeKind, level_changes};
use super::model::Book;

fn fixture() -> Book {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/books/valid");
    crate::content::load_clean_book(&root)
}

fn level(book: &Book, id: &str) -> usize {
    book.level_index(id)
        .unwrap_or_else(|| panic!("no level {id}"))
}

fn competency(book: &Book, id: &str) -> usize {
    book.competency_index(id)
        .unwrap_or_else(|| panic!("no competency {id}"))
}

#[test]
fn levels_are_placed_in_tracks_by_rank() {
    let book = fixture();
    let ids = |track: usize| -> Vec<&str> {
        book.tracks[track]
            .levels
            .iter()
            .map(|&l| book.levels[l].id.as_str())
            .collect()
    };
    assert_eq!(book.tracks[0].id, "ic");
    assert_eq!(ids(0), ["sre-1", "sre-2", "sre-3"]);
    assert_eq!(ids(1), ["mgr-1"]);
    let sre2 = level(&book, "sre-2");
    assert_eq!(book.levels[sre2].previous, Some(level(&book, "sre-1")));
    assert_eq!(book.levels[sre2].next, Some(level(&book, "sre-3")));
    assert_eq!(book.levels[level(&book, "mgr-1")].previous, None);
}

#[test]
fn expectations_carry_over_from_the_nearest_lower_rank() {
    let book = fixture();
    let incidents = &book.competencies[competency(&book, "incident-management")];
    let sre3 = level(&book, "sre-3");
    let cell = incidents.cells[sre3]
        .as_ref()
        .expect("sre-3 carries incident management over");
    assert_eq!(cell.source_level, level(&book, "sre-2"));
    assert_eq!(cell.carried_from(sre3), Some(level(&book, "sre-2")));
    assert_eq!(
        cell.items[0].text.plain,
        "Leads Sev-3 incidents; writes the postmortem."
    );

    let own = incidents.cells[level(&book, "sre-1")]
        .as_ref()
        .expect("sre-1 has its own entry");
    assert_eq!(own.carried_from(level(&book, "sre-1")), None);

    // Below a competency's first entry in a track, it is not expected.
    let slo = &book.competencies[competency(&book, "slo-practice")];
    assert_eq!(slo.cells[level(&book, "sre-1")], None);
    assert_eq!(
        slo.cells[level(&book, "sre-3")]
            .as_ref()
            .map(|c| c.items.len()),
        Some(2)
    );
    // Carrying over never crosses tracks.
    assert_eq!(slo.cells[level(&book, "mgr-1")], None);
}

#[test]
fn references_are_resolved_to_indices() {
    let book = fixture();
    let sre3 = level(&book, "sre-3");
    let mgr1 = level(&book, "mgr-1");
    assert_eq!(book.levels[sre3].equivalent, Some(mgr1));
    assert_eq!(book.levels[mgr1].equivalent, Some(sre3));

    let guard = &book.archetypes[0];
    assert_eq!(guard.id, "slo-guard");
    assert_eq!(
        guard.emphasis,
        vec![
            (competency(&book, "slo-practice"), 5),
            (competency(&book, "incident-management"), 3)
        ]
    );
    assert_eq!(guard.levels, vec![level(&book, "sre-2"), sre3]);

    let card = &book.scorecards[0];
    assert_eq!(card.id, "senior-sre");
    assert_eq!(card.levels, vec![sre3]);
    assert_eq!(card.archetype, Some(0));
    let dimensions: Vec<usize> = card.dimensions.iter().map(|d| d.competency).collect();
    assert_eq!(
        dimensions,
        vec![
            competency(&book, "incident-management"),
            competency(&book, "slo-practice")
        ]
    );
    let focus: Vec<(&str, &[usize])> = card
        .interviews
        .iter()
        .map(|i| (i.id.as_str(), i.focus.as_slice()))
        .collect();
    assert_eq!(
        focus,
        vec![("incident-sim", &[0][..]), ("slo-design", &[1][..])]
    );
    assert_eq!(card.scale, super::model::default_scale());
}

#[test]
fn areas_follow_the_configured_order() {
    let book = fixture();
    let areas: Vec<(&str, Vec<&str>)> = book
        .areas
        .iter()
        .map(|area| {
            let ids = area
                .competencies
                .iter()
                .map(|&c| book.competencies[c].id.as_str())
                .collect();
            (area.name.as_str(), ids)
        })
        .collect();
    assert_eq!(
        areas,
        vec![
            ("Reliability", vec!["incident-management", "slo-practice"]),
            ("Collaboration", vec!["coaching"]),
        ]
    );
    for (index, area) in book.areas.iter().enumerate() {
        for &c in &area.competencies {
            assert_eq!(book.competencies[c].area, index);
        }
    }
}

#[test]
fn level_changes_name_what_starts_and_what_grows() {
    let book = fixture();
    let changes = |id: &str| -> Vec<(&str, ChangeKind)> {
        level_changes(&book, level(&book, id))
            .into_iter()
            .map(|change| {
                (
                    book.competencies[change.competency].id.as_str(),
                    change.kind,
                )
            })
            .collect()
    };
    assert_eq!(changes("sre-1"), vec![]);
    assert_eq!(
        changes("sre-2"),
        vec![
            ("incident-management", ChangeKind::Grows),
            ("slo-practice", ChangeKind::Starts)
        ]
    );
    // Incident management only carries over at sre-3: no change.
    assert_eq!(
        changes("sre-3"),
        vec![
            ("slo-practice", ChangeKind::Grows),
            ("coaching", ChangeKind::Starts)
        ]
    );
    assert_eq!(changes("mgr-1"), vec![]);

    let grows = level_changes(&book, level(&book, "sre-3"));
    let added: Vec<&str> = grows[0]
        .added
        .iter()
        .map(|h| h.text.plain.as_str())
        .collect();
    let replaced: Vec<&str> = grows[0]
        .replaced
        .iter()
        .map(|h| h.text.plain.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "Sets SLOs for a service family.",
            "Runs the error budget policy."
        ]
    );
    assert_eq!(replaced, ["Defines SLIs for one service."]);
}

#[test]
fn the_organization_does_not_change_the_ladder_s_version() {
    let plain = "[book]\ntitle = \"T\"\n\n[ladder]\nareas = [\"A\"]\n";
    let with = "[book]\ntitle = \"T\"\n\n[organization]\n# who hires\nname = \"Example\"\n\n[ladder]\nareas = [\"A\"]\n";
    assert_eq!(
        super::without_organization(with.as_bytes()).as_ref(),
        plain.as_bytes()
    );
    assert_eq!(
        super::content_version(plain.as_bytes(), &[]),
        super::content_version(with.as_bytes(), &[])
    );
    let renamed = with.replace("Example", "Other");
    assert_eq!(
        super::content_version(renamed.as_bytes(), &[]),
        super::content_version(plain.as_bytes(), &[])
    );
    // As the bundled book has it: the table last, after a blank line.
    let last = format!("{plain}\n[organization]\nname = \"Example\"\n");
    assert_eq!(
        super::without_organization(last.as_bytes()).as_ref(),
        plain.as_bytes()
    );
    let ladder = plain.replace("\"A\"", "\"B\"");
    assert_ne!(
        super::content_version(ladder.as_bytes(), &[]),
        super::content_version(plain.as_bytes(), &[])
    );
}
