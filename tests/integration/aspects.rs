//! Level-wide aspects (issue 25): `[ladder] aspects` in book.toml and a
//! level's own `expectations:` by aspect id. Each test builds a small book
//! through the real binary and reads what it wrote.

use crate::support::{TestBook, main_of, read_site};

/// Three levels of one track; Scope at every level (carried to IC3 with a
/// note), Impact levers ending at IC3, one competency.
fn aspects_book(mode: &str) -> TestBook {
    TestBook::empty()
        .with(
            "book.toml",
            format!(
                "[book]\ntitle = \"Aspects\"\n\n[ladder]\nexpectations = \"{mode}\"\naspects = [\"Scope\", \"Impact levers\"]\n"
            ),
        )
        .with(
            "content/levels/ic1.md",
            "---\ntitle: Engineer\ncode: IC1\nrank: 1\nexpectations:\n  scope: Works on tasks within one service.\n  impact-levers:\n    - text: Finishes what they pick up.\n      examples: [Closes a ticket with a short write-up.]\n---\n",
        )
        .with(
            "content/levels/ic2.md",
            "---\ntitle: Senior Engineer\ncode: IC2\nrank: 2\nexpectations:\n  scope:\n    - Owns a service area end to end.\n---\n",
        )
        .with(
            "content/levels/ic3.md",
            "---\ntitle: Staff Engineer\ncode: IC3\nrank: 3\nexpectations:\n  scope: { note: \"Scope stays the area; depth grows.\" }\n  impact-levers: []\n---\n",
        )
        .with(
            "content/competencies/craft.yaml",
            "name: Craft\nexpectations:\n  ic1: Writes tests.\n  ic2: Designs test strategy.\n",
        )
}

/// The part of `html` from `from` up to `to`.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} in {html}"));
    let end = start
        + html[start..]
            .find(to)
            .unwrap_or_else(|| panic!("{to} in {html}"));
    &html[start..end]
}

#[test]
fn aspects_come_first_on_the_level_page_and_in_what_changes() {
    let book = aspects_book("replace");
    book.run(&["build", "."]).assert_code(0);
    let ic2 = main_of(&read_site(&book, "levels/ic2.html")).to_string();
    let band = between(&ic2, "id=\"level-wide\"", "</section>");
    assert!(band.contains("Across the level"), "{band}");
    assert!(band.contains("Owns a service area end to end."), "{band}");
    // Carried over from IC1, with its example.
    assert!(band.contains("Finishes what they pick up."), "{band}");
    assert!(
        band.contains("Closes a ticket with a short write-up."),
        "{band}"
    );
    assert!(
        ic2.find("id=\"level-wide\"").unwrap() < ic2.find("id=\"what-changes\"").unwrap(),
        "the level-wide band comes first"
    );
    let changes = between(&ic2, "id=\"what-changes\"", "id=\"expectations\"");
    // Compared aspect by aspect, first, marked level-wide and not counted
    // among the competencies.
    assert!(
        changes.find("#scope").unwrap() < changes.find("#craft").unwrap(),
        "{changes}"
    );
    assert!(changes.contains("· Level-wide"), "{changes}");
    assert!(
        changes.contains("0 competencies start here and 1 grows"),
        "{changes}"
    );
    // The competencies' list does not repeat the aspects, and aspects
    // have no page.
    let expectations = &ic2[ic2.find("id=\"expectations\"").unwrap()..];
    assert!(
        !expectations.contains("Owns a service area"),
        "{expectations}"
    );
    assert!(!ic2.contains("competencies/scope.html"), "{ic2}");
    assert!(!book.root().join("site/competencies/scope.html").exists());
    let ic3 = main_of(&read_site(&book, "levels/ic3.html")).to_string();
    let band = between(&ic3, "id=\"level-wide\"", "</section>");
    assert!(
        band.contains("Scope stays the area; depth grows."),
        "{band}"
    );
    assert!(band.contains("Owns a service area end to end."), "{band}");
    assert!(
        !band.contains("Finishes what they pick up."),
        "ended: {band}"
    );
    let changes = between(&ic3, "id=\"what-changes\"", "id=\"expectations\"");
    assert!(changes.contains("badge-ends"), "{changes}");
    assert!(changes.contains("Impact levers"), "{changes}");
}

#[test]
fn aspects_are_the_top_band_of_the_matrix() {
    let book = aspects_book("replace");
    book.run(&["build", "."]).assert_code(0);
    let matrix = main_of(&read_site(&book, "matrix.html")).to_string();
    let band = between(&matrix, "<tbody class=\"level-wide\">", "</tbody>");
    assert!(band.contains("Across the level"), "{band}");
    assert!(
        band.contains("Scope <span class=\"badge badge-level-wide\">Level-wide</span>"),
        "{band}"
    );
    assert!(
        band.contains("Works on tasks within one service."),
        "{band}"
    );
    assert!(
        matrix.find("level-wide").unwrap() < matrix.find("competencies/craft.html").unwrap(),
        "the band is above the competencies"
    );
    let print = main_of(&read_site(&book, "print.html")).to_string();
    assert!(print.contains("<tbody class=\"level-wide\">"), "{print}");
    assert!(print.contains("<dl class=\"level-wide\">"), "{print}");
    // The print edition's list of competencies has no aspect.
    assert!(!print.contains("id=\"competency-scope\""), "{print}");
}

#[test]
fn aspects_are_rated_in_their_own_section_with_stable_keys() {
    let book = aspects_book("replace");
    book.run(&["build", "."]).assert_code(0);
    let assess = main_of(&read_site(&book, "assess.html")).to_string();
    let ic1 = between(&assess, "id=\"assess-ic1\"", "</details>");
    let scope = between(ic1, "data-competency=\"scope\"", "</div>");
    assert!(scope.contains("data-area=\"Across the level\""), "{scope}");
    assert!(scope.contains("data-key=\"scope@ic1:"), "{scope}");
    assert!(
        ic1.find("data-competency=\"scope\"").unwrap()
            < ic1.find("data-competency=\"craft\"").unwrap(),
        "aspects first: {ic1}"
    );
    // IC3: Scope carried with its note; Impact levers ended, not rated.
    let ic3 = between(&assess, "id=\"assess-ic3\"", "</details>");
    assert!(ic3.contains("Scope stays the area"), "{ic3}");
    assert!(!ic3.contains("impact-levers@"), "{ic3}");
    assert!(ic3.contains("· 2 expectations"), "{ic3}");
}

#[test]
fn exports_carry_aspects_in_their_own_rows() {
    let book = aspects_book("replace");
    let json = book.run(&["export", "--format", "json"]).json();
    let aspects = json["aspects"].as_array().expect("an aspects array");
    let ids: Vec<&str> = aspects.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["scope", "impact-levers"]);
    assert_eq!(aspects[1]["ends"], serde_json::json!(["ic3"]));
    let competencies: Vec<&str> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(competencies, ["craft"]);
    assert_eq!(json["areas"].as_array().unwrap().len(), 1, "{json:#}");
    let scope_ic3 = &aspects[0]["expectations"][2];
    assert_eq!(scope_ic3["level"], "ic3");
    assert_eq!(scope_ic3["carried_from"], "ic2");
    assert_eq!(
        scope_ic3["note"]["text"],
        "Scope stays the area; depth grows."
    );
    let csv = book.run(&["export", "--format", "csv"]).stdout();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",note,level_wide,ended"), "{header}");
    assert!(
        csv.contains(
            "ic1,IC1,Engineer,1,,scope,Scope,Works on tasks within one service.,,,,yes,\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains(",craft,Craft,Writes tests.,,,,,\r\n"), "{csv}");
    // The `[]` of Impact levers at IC3 is a row of its own.
    assert!(
        csv.contains("ic3,IC3,Staff Engineer,3,,impact-levers,Impact levers,,,,,yes,yes\r\n"),
        "{csv}"
    );
    // Search finds a level-wide item on its level's page.
    book.run(&["build", "."]).assert_code(0);
    let index = read_site(&book, "assets/search-index.js");
    let ic2 = &index[index.find("levels/ic2.html").unwrap()..];
    assert!(
        ic2.contains("[2,\"Scope\",1,\"#scope\",\"Owns a service area end to end.\"]"),
        "{index}"
    );
    assert!(!index.contains("competencies/scope.html"), "{index}");
}

#[test]
fn aspects_add_up_in_a_cumulative_book() {
    let book = aspects_book("cumulative");
    book.run(&["build", "."]).assert_code(0);
    let ic2 = main_of(&read_site(&book, "levels/ic2.html")).to_string();
    let band = between(&ic2, "id=\"level-wide\"", "</section>");
    assert!(band.contains("Owns a service area end to end."), "{band}");
    assert!(band.contains("Still expected, from"), "{band}");
    assert!(
        band.contains("Works on tasks within one service."),
        "{band}"
    );
    let assess = main_of(&read_site(&book, "assess.html")).to_string();
    let ic2 = between(&assess, "id=\"assess-ic2\"", "</details>");
    assert_eq!(ic2.matches("data-key=\"scope@").count(), 2, "{ic2}");
}

#[test]
fn a_book_without_aspects_exports_as_before() {
    let book = aspects_book("replace")
        .with("book.toml", "[book]\ntitle = \"Aspects\"\n")
        .with(
            "content/levels/ic1.md",
            "---\ntitle: Engineer\ncode: IC1\nrank: 1\n---\n",
        )
        .with(
            "content/levels/ic2.md",
            "---\ntitle: Senior Engineer\ncode: IC2\nrank: 2\n---\n",
        )
        .with(
            "content/levels/ic3.md",
            "---\ntitle: Staff Engineer\ncode: IC3\nrank: 3\n---\n",
        );
    let json = book.run(&["export", "--format", "json"]).json();
    assert!(json.get("aspects").is_none(), "{json:#}");
    let csv = book.run(&["export", "--format", "csv"]).stdout();
    assert!(!csv.contains("level_wide"), "{csv}");
}

#[test]
fn every_problem_with_aspects_is_reported_at_once() {
    let book = aspects_book("replace")
        .with(
            "content/levels/ic2.md",
            "---\ntitle: Senior Engineer\ncode: IC2\nrank: 2\nexpectations:\n  scpoe: Owns an area.\n  scope: { note: [a, b], colour: red }\n  impact-levers: \"  \"\n---\n",
        )
        .with(
            "content/levels/ic1.md",
            "---\ntitle: Engineer\ncode: IC1\nrank: 1\nexpectations:\n  scope: []\n---\n",
        );
    let run = book.run(&["check", "."]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(!err.contains("panicked"), "{err}");
    for (code, at) in [
        ("unknown-aspect", "ic2.md:6:3"),
        ("wrong-type", "ic2.md:7:18"),
        ("unknown-field", "ic2.md:7:26"),
        ("empty-item", "ic2.md:8:18"),
        ("nothing-to-end", "ic1.md:6:3"),
    ] {
        assert!(err.contains(&format!("error[{code}]")), "{code}: {err}");
        assert!(err.contains(at), "{code} at {at}: {err}");
    }
    assert!(err.contains("did you mean `scope`?"), "{err}");
    assert!(err.contains("`scope: []` ends the aspect"), "{err}");
}

#[test]
fn export_import_export_keeps_aspects_notes_and_ends() {
    let book = aspects_book("replace").with(
        "content/competencies/culture.yaml",
        "name: Culture\nexpectations:\n  ic1: Joins the guild.\n  ic2:\n    note: \"Counts only *inside* the team.\"\n    items: [Runs the guild.]\n  ic3: []\n",
    );
    let first = book.run(&["export", "--format", "csv"]);
    first.assert_code(0);
    let csv = first.stdout();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",note,level_wide,ended"),
        "{csv}"
    );
    book.write("exported.csv", &csv);
    book.run(&["import", "--from", "csv", "exported.csv", "again"])
        .assert_code(0);
    let again = book.run(&["export", "--format", "csv", "again"]);
    again.assert_code(0);
    assert_eq!(again.stdout(), csv);
    let config = std::fs::read_to_string(book.root().join("again/book.toml")).unwrap();
    assert!(
        config.contains("aspects = [\"Scope\", \"Impact levers\"]"),
        "{config}"
    );
    let ic3 = std::fs::read_to_string(book.root().join("again/content/levels/ic3.md")).unwrap();
    assert!(
        ic3.contains("expectations:\n  scope:\n    note: Scope stays the area; depth grows.\n  impact-levers: []\n"),
        "{ic3}"
    );
    let culture =
        std::fs::read_to_string(book.root().join("again/content/competencies/culture.yaml"))
            .unwrap();
    assert!(culture.contains("  ic3: []\n"), "{culture}");
    assert!(
        culture.contains("    items:\n      - Runs the guild.\n"),
        "{culture}"
    );
    book.run(&["check", "again"]).assert_code(0);
}
