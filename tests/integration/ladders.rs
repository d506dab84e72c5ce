//! Real ladders without loss (issue 21): sub-folders, `order:`, books
//! without areas, items with examples, cumulative levels. Each test builds
//! a small book through the real binary and reads what it wrote.

use crate::support::{TestBook, main_of, read_site};

// ------------------------------------------------------------- folders

#[test]
fn content_kinds_may_be_sorted_into_sub_folders() {
    let book = TestBook::fixture("books/valid");
    for (from, to) in [
        (
            "content/competencies/coaching.yaml",
            "content/competencies/people/coaching.yaml",
        ),
        (
            "content/levels/mgr-1.md",
            "content/levels/management/m/mgr-1.md",
        ),
        (
            "content/archetypes/slo-guard.md",
            "content/archetypes/sre/slo-guard.md",
        ),
        (
            "content/scorecards/senior-sre.yaml",
            "content/scorecards/ic/senior-sre.yaml",
        ),
    ] {
        let target = book.root().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::rename(book.root().join(from), target).unwrap();
    }
    let check = book.check(&["--deny-warnings"]);
    check.assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    for page in [
        "competencies/coaching.html",
        "levels/mgr-1.html",
        "archetypes/slo-guard.html",
        "scorecards/senior-sre.html",
    ] {
        assert!(book.root().join("site").join(page).is_file(), "{page}");
    }
    assert!(main_of(&read_site(&book, "levels/mgr-1.html")).contains("Coaches every engineer"));
}

#[test]
fn one_id_in_two_folders_is_an_error_naming_both_files() {
    let book = TestBook::fixture("books/valid").with(
        "content/competencies/people/coaching.yaml",
        "name: Coaching again\narea: Collaboration\nexpectations:\n  sre-1: Listens.\n",
    );
    let run = book.check(&[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(err.contains("error[duplicate-id]"), "{err}");
    assert!(
        err.contains("content/competencies/coaching.yaml")
            && err.contains("content/competencies/people/coaching.yaml"),
        "{err}"
    );
}

// ------------------------------------------------------------- a small cumulative book

/// Three levels that add up, one competency with examples, one without an
/// area, and `order:` that is not alphabetical.
fn cumulative_book(mode: &str) -> TestBook {
    TestBook::empty()
        .with(
            "book.toml",
            format!("[book]\ntitle = \"Adds up\"\n\n[ladder]\nexpectations = \"{mode}\"\n"),
        )
        .with("content/levels/l1.md", "---\ntitle: Level 1\ncode: L1\nrank: 1\n---\n")
        .with("content/levels/l2.md", "---\ntitle: Level 2\ncode: L2\nrank: 2\n---\n")
        .with("content/levels/l3.md", "---\ntitle: Level 3\ncode: L3\nrank: 3\n---\n")
        .with(
            "content/competencies/zeta-comms.yaml",
            "name: Zeta comms\norder: 1\nexpectations:\n  l1:\n    - Gives status updates.\n    - text: Writes PR descriptions.\n      examples:\n        - I chose X over Y because of Z.\n        - Links the ticket.\n  l2:\n    - Gives feedback to peers.\n",
        )
        .with(
            "content/competencies/alpha-impact.yaml",
            "name: Alpha impact\norder: 2\nexpectations:\n  l2: Delivers small tasks.\n  l3:\n    - Solves ambiguous problems.\n",
        )
}

#[test]
fn a_cumulative_level_page_shows_new_items_then_those_from_below() {
    let book = cumulative_book("cumulative");
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let page = read_site(&book, "levels/l3.html");
    let main = main_of(&page);
    // Alpha impact: new at L3, then L2's item, introduced there.
    let alpha = &main[main.find("id=\"alpha-impact\"").expect("alpha at l3")..];
    let new = alpha.find("Solves ambiguous problems.").unwrap();
    let from = alpha.find("Still expected, from").unwrap();
    let below = alpha.find("Delivers small tasks.").unwrap();
    assert!(new < from && from < below, "{alpha}");
    // Zeta comms has nothing new at L3 but still expects L1 and L2's items.
    let zeta = &main[main.find("id=\"zeta-comms\"").expect("zeta at l3")..];
    let zeta = &zeta[..zeta.find("</article>").unwrap()];
    assert!(zeta.contains("Nothing new at this level."), "{zeta}");
    assert!(zeta.contains("Gives status updates.") && zeta.contains("Gives feedback to peers."));
    assert!(!zeta.contains("carried over"), "{zeta}");
    // What changes is the new items only; nothing reads as dropped.
    let changes =
        &main[main.find("id=\"what-changes\"").unwrap()..main.find("id=\"expectations\"").unwrap()];
    assert!(changes.contains("Solves ambiguous problems."), "{changes}");
    assert!(!changes.contains("Was at"), "{changes}");
    assert!(!changes.contains("Zeta comms"), "{changes}");
    // No areas anywhere: no area headings.
    assert!(!main.contains("area-title"), "{main}");
    assert!(!main.contains("General"), "{main}");
}

#[test]
fn a_cumulative_matrix_cell_shows_the_level_s_new_items() {
    let book = cumulative_book("cumulative");
    book.run(&["build", "."]).assert_code(0);
    let matrix = read_site(&book, "matrix.html");
    let row = &matrix[matrix.find("id=\"default-zeta-comms\"").expect("zeta row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    let cells: Vec<&str> = row.split("<td").skip(1).collect();
    assert_eq!(cells.len(), 3, "{row}");
    assert!(cells[0].contains("Gives status updates."));
    assert!(
        cells[1].contains("Gives feedback to peers.")
            && !cells[1].contains("Gives status updates.")
    );
    assert!(cells[2].contains("nothing new"), "{}", cells[2]);
    assert!(
        !matrix.contains("area-row"),
        "no area rows in a book without areas"
    );
}

#[test]
fn a_cumulative_checklist_rates_every_item_the_level_expects() {
    let book = cumulative_book("cumulative");
    book.run(&["build", "."]).assert_code(0);
    let assess = read_site(&book, "assess.html");
    let l3 = &assess[assess.find("id=\"assess-l3\"").unwrap()..];
    let l3 = &l3[..l3.find("</details>").unwrap()];
    // 2 from L1, 1 from L2 (zeta) + 1 from L2 and 1 new (alpha) = 5.
    assert!(l3.contains("· 5 expectations"), "{l3}");
    assert_eq!(l3.matches("data-key=").count(), 5, "{l3}");
    // Keys name the level that introduced the item (issue 25: and its text).
    assert_eq!(l3.matches("data-key=\"zeta-comms@l1:").count(), 2, "{l3}");
    assert_eq!(l3.matches("data-key=\"alpha-impact@l3:").count(), 1, "{l3}");
    assert!(
        l3.contains("<span class=\"badge badge-from\">from L1</span>"),
        "{l3}"
    );
    // The same item keeps its key at every level that expects it.
    let l2 = &assess[assess.find("id=\"assess-l2\"").unwrap()..];
    let l1_key = |part: &str| {
        let at = part.find("data-key=\"zeta-comms@l1:").unwrap() + 10;
        part[at..at + part[at..].find('"').unwrap()].to_string()
    };
    assert_eq!(l1_key(l2), l1_key(l3));
}

#[test]
fn a_cumulative_json_export_gives_each_item_its_level() {
    let book = cumulative_book("cumulative");
    let run = book.run(&["export", ".", "--format", "json"]);
    run.assert_code(0);
    let json = run.json();
    let zeta = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "zeta-comms")
        .unwrap();
    let at = |level: &str| {
        zeta["expectations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["level"] == level)
            .unwrap_or_else(|| panic!("{level}"))
            .clone()
    };
    let l3 = at("l3");
    let items = l3["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    let levels: Vec<&str> = items
        .iter()
        .map(|i| i["introduced_at"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["l1", "l1", "l2"]);
    assert_eq!(l3["carried_from"], serde_json::Value::Null);
    let examples: Vec<&str> = items[1]["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        examples,
        ["I chose X over Y because of Z.", "Links the ticket."]
    );
    // `order:` beats the name: Zeta comms (order 1) before Alpha impact.
    let ids: Vec<&str> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["zeta-comms", "alpha-impact"]);
    assert_eq!(json["areas"][0]["name"], "General");
}

#[test]
fn examples_are_shown_under_their_item_in_every_page_and_export() {
    let book = cumulative_book("replace");
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    for page in [
        "levels/l1.html",
        "matrix.html",
        "competencies/zeta-comms.html",
        "assess.html",
        "print.html",
    ] {
        let html = read_site(&book, page);
        let item = html
            .find("Writes PR descriptions.")
            .unwrap_or_else(|| panic!("{page} has the item"));
        let rest = &html[item..];
        let examples = rest
            .find("<ul class=\"examples\">")
            .unwrap_or_else(|| panic!("{page} has examples"));
        assert!(
            examples < rest.find("</li>").unwrap(),
            "{page}: under the item"
        );
        assert!(rest.contains("I chose X over Y because of Z."), "{page}");
    }
    let csv = read_site(&book, "matrix.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.iter().next_back(), Some("examples"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let l1 = rows
        .iter()
        .find(|r| &r[1] == "l1" && &r[6] == "zeta-comms")
        .unwrap();
    assert_eq!(&l1[8], "Gives status updates.\nWrites PR descriptions.");
    assert_eq!(
        &l1[10],
        "2. I chose X over Y because of Z.\n2. Links the ticket."
    );
    // Search counts the examples.
    let search = read_site(&book, "assets/search-index.js");
    assert!(
        search.contains("Links the ticket."),
        "examples are searchable"
    );
}

#[test]
fn competencies_follow_order_then_name_within_their_area() {
    let book = TestBook::fixture("books/valid")
        .with(
            "content/competencies/zz-last.yaml",
            "name: AAA first by name\narea: Reliability\norder: 5\nexpectations:\n  sre-1: x\n",
        )
        .with(
            "content/competencies/first.yaml",
            "name: Zulu\narea: Reliability\norder: 1\nexpectations:\n  sre-1: y\n",
        );
    book.check(&["--deny-warnings"]).assert_code(0);
    let json = book.run(&["export", ".", "--format", "json"]).json();
    let reliability: Vec<&str> = json["areas"][0]["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(reliability[..2], ["first", "zz-last"], "{reliability:?}");
}

#[test]
fn a_book_with_and_without_areas_puts_the_area_less_in_the_default_group() {
    let book = TestBook::fixture("books/valid")
        .with("book.toml", "[book]\ntitle = \"T\"\n\n[ladder]\nareas = [\"Reliability\", \"Collaboration\"]\ndefault-area = \"Everything else\"\n")
        .with(
            "content/competencies/loose.yaml",
            "name: Loose\nexpectations:\n  sre-1: x\n",
        );
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let page = read_site(&book, "competencies/index.html");
    assert!(page.contains(">Everything else</h2>"), "{page}");
    assert!(page.contains(">Reliability</h2>"));
}

#[test]
fn repeating_a_lower_item_in_a_cumulative_book_is_a_warning() {
    let book = cumulative_book("cumulative").with(
        "content/competencies/alpha-impact.yaml",
        "name: Alpha impact\nexpectations:\n  l2: Delivers small tasks.\n  l3:\n    - Delivers small tasks.\n    - New.\n",
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/competencies/alpha-impact.yaml:5:7: warning[repeated-item]: this item is already expected from `l2`, a lower level"
        ]
    );
}

#[test]
fn bad_ladder_shapes_are_all_reported_at_their_place() {
    let book = cumulative_book("cumulative")
        .with("book.toml", "[book]\ntitle = \"T\"\n\n[ladder]\nexpectations = \"additive\"\n")
        .with(
            "content/competencies/alpha-impact.yaml",
            "name: Alpha impact\norder: first\nexpectations:\n  l2:\n    - txt: Delivers.\n      examples: [a]\n    - examples: [b]\n",
        );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert_eq!(
        lines,
        [
            "book.toml:5:16: error[wrong-type]: `expectations` must be \"replace\" or \"cumulative\", found `additive`",
            "content/competencies/alpha-impact.yaml:2:8: error[wrong-type]: `order` must be a whole number, found a string",
            "content/competencies/alpha-impact.yaml:5:7: error[unknown-field]: unknown field `txt` in an expectation item",
            "content/competencies/alpha-impact.yaml:7:7: error[missing-field]: an expectation item is missing the required field `text`",
        ],
        "{lines:#?}"
    );
}
