//! `import --from csv` never loses a row (issue 21): an unclosed quote is
//! an error where it opened, `;` files are read, an empty file is one
//! error, bullet lines and `e.g.` lines become items and examples, and the
//! sheet's order of competencies survives. Counts are checked through the
//! book's own JSON export.

use std::path::Path;

use serde_json::Value;

use crate::support::TestBook;

/// Imports `csv` (written beside the new book) with `extra` arguments.
fn import(csv: &str, extra: &[&str]) -> (TestBook, crate::support::Run) {
    let book = TestBook::empty();
    std::fs::write(book.root().join("../ladder.csv"), csv).unwrap();
    let mut args = vec!["import", "--from", "csv", "../ladder.csv", "."];
    args.extend_from_slice(extra);
    let run = book.run(&args);
    (book, run)
}

fn nothing_written(book: &TestBook) -> bool {
    std::fs::read_dir(book.root()).unwrap().next().is_none()
}

/// (own items, examples) of the book: items of entries that are not carried over.
fn counts(json: &Value) -> (usize, usize) {
    let mut items = 0;
    let mut examples = 0;
    for c in json["competencies"].as_array().unwrap() {
        for e in c["expectations"].as_array().unwrap() {
            if !e["carried_from"].is_null() {
                continue;
            }
            for item in e["items"].as_array().unwrap() {
                if item["introduced_at"].is_null() || item["introduced_at"] == e["level"] {
                    items += 1;
                    examples += item["examples"].as_array().map_or(0, Vec::len);
                }
            }
        }
    }
    (items, examples)
}

const HEADER: &str = "level,level_title,rank,area,competency,competency_name,expectation\n";

#[test]
fn an_unclosed_quote_is_an_error_where_it_opened_and_nothing_is_written() {
    let csv = format!(
        "{HEADER}e-1,E1,1,Craft,delivery,Delivery,\"Ships\ne-1,E1,1,Craft,review,Review,Reviews.\ne-2,E2,2,Craft,delivery,Delivery,Ships more.\n"
    );
    let (book, run) = import(&csv, &[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(err.contains("error[csv-syntax]"), "{err}");
    assert!(err.contains("ladder.csv:2:1"), "{err}");
    assert!(err.contains("import: nothing written"), "{err}");
    assert!(nothing_written(&book));
}

#[test]
fn a_semicolon_file_is_read_like_a_comma_file() {
    let csv = "level;level_title;rank;area;competency;competency_name;expectation\n\
               e-1;E1;1;Craft;delivery;Delivery;\"Ships; with care.\"\n\
               e-2;E2;2;Craft;delivery;Delivery;Ships more.\n\
               e-2;E2;2;Craft;review;Review;Reviews.\n";
    let (book, run) = import(csv, &[]);
    run.assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(json["levels"].as_array().unwrap().len(), 2);
    assert_eq!(counts(&json), (3, 0), "one item per row");
    assert_eq!(
        json["competencies"][0]["expectations"][0]["items"][0]["text"],
        "Ships; with care."
    );
    // The same file with the delimiter named, and written with tabs.
    let (named, run) = import(csv, &["--delimiter", ";"]);
    run.assert_code(0);
    assert_eq!(counts(&named.exported_ladder()), (3, 0));
    let (tabs, run) = import(&csv.replace(';', "\t").replace("\t with", "; with"), &[]);
    run.assert_code(0);
    assert_eq!(counts(&tabs.exported_ladder()), (3, 0));
    // A wrong delimiter named by hand is the user's to fix: one error names
    // both layouts (issue 26), not one per missing column.
    let (wrong, run) = import(csv, &["--delimiter", "tab"]);
    run.assert_code(1);
    assert!(
        run.stderr().contains("csv-unknown-layout"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stderr().matches("error[").count(), 1);
    assert!(nothing_written(&wrong));
}

#[test]
fn an_empty_file_is_one_clear_error() {
    for csv in ["", "\n\n", "\u{feff}"] {
        let (book, run) = import(csv, &[]);
        run.assert_code(1);
        let err = run.stderr();
        assert_eq!(err.matches("error[").count(), 1, "{err}");
        assert!(
            err.contains("error[empty-field]: the CSV file is empty"),
            "{err}"
        );
        assert!(nothing_written(&book));
    }
}

#[test]
fn bullet_lines_become_items_and_e_g_lines_their_examples() {
    let csv = format!(
        "{HEADER}e-1,E1,1,,comms,Comms,\"- Writes PR descriptions\n  - *e.g.* I chose X over Y\n* Gives status updates\n• Asks for help\ne.g. in the team channel\"\n\
         e-2,E2,2,,comms,Comms,\"- Gives feedback\"\n"
    );
    let (book, run) = import(&csv, &[]);
    run.assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(counts(&json), (4, 2));
    let items = &json["competencies"][0]["expectations"][0]["items"];
    let texts: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Writes PR descriptions",
            "Gives status updates",
            "Asks for help"
        ]
    );
    assert_eq!(items[0]["examples"][0]["text"], "I chose X over Y");
    assert_eq!(items[2]["examples"][0]["text"], "in the team channel");
    // No area column value: a book without areas.
    let config = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    assert!(!config.contains("areas"), "{config}");
    book.check(&["--deny-warnings"]).assert_code(0);
}

#[test]
fn the_sheet_s_order_of_competencies_survives() {
    let csv = format!(
        "{HEADER}e-1,E1,1,Craft,zulu,Zulu,z\ne-1,E1,1,Craft,alpha,Alpha,a\ne-1,E1,1,Craft,mike,Mike,m\n"
    );
    let (book, run) = import(&csv, &[]);
    run.assert_code(0);
    let json = book.exported_ladder();
    let ids: Vec<&str> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["zulu", "alpha", "mike"]);
}

#[test]
fn a_book_with_examples_round_trips_through_its_csv() {
    let source = TestBook::empty()
        .with("book.toml", "[book]\ntitle = \"T\"\n")
        .with("content/levels/e-1.md", "---\ntitle: E1\nrank: 1\n---\n")
        .with(
            "content/competencies/comms.yaml",
            "name: Comms\norder: 1\nexpectations:\n  e-1:\n    - Plain.\n    - text: With two.\n      examples: [First., Second.]\n",
        );
    let exported = source.run(&["export", ".", "--format", "csv"]);
    exported.assert_code(0);
    let (target, run) = import(&exported.stdout, &[]);
    run.assert_code(0);
    let again = target.run(&["export", ".", "--format", "csv"]);
    assert_eq!(again.stdout, exported.stdout);
    assert_eq!(counts(&target.exported_ladder()), (2, 2));
}

/// The Monzo data ladder's CSV: every criterion and example survives.
#[test]
fn the_monzo_data_sheet_imports_every_criterion_and_example() {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/ladders/monzo-data/monzo-data.import.csv");
    let Ok(text) = std::fs::read_to_string(&csv) else {
        eprintln!("skipped: {} is absent", csv.display());
        return;
    };
    let (book, run) = import(&text, &[]);
    run.assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(json["levels"].as_array().unwrap().len(), 6);
    assert_eq!(json["competencies"].as_array().unwrap().len(), 7);
    // 141 criteria and 33 examples: the 174 strings of the source.
    assert_eq!(counts(&json), (141, 33));
    // The same matrix read as a cumulative ladder (what Monzo's levels are):
    // each level's checklist holds its own criteria and every lower one's.
    let config = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    book.write(
        "book.toml",
        config.replace("[ladder]\n", "[ladder]\nexpectations = \"cumulative\"\n"),
    );
    book.check(&["--deny-warnings"]).assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(counts(&json), (141, 33), "each item once, at its own level");
    book.run(&["build", "."]).assert_code(0);
    let assess = std::fs::read_to_string(book.root().join("site/assess.html")).unwrap();
    let mut running = 0;
    for level in 1..=6 {
        let own: usize = json["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["expectations"].as_array().unwrap().iter())
            .filter(|e| e["level"] == format!("level-{level}"))
            .flat_map(|e| e["items"].as_array().unwrap().iter())
            .filter(|i| i["introduced_at"] == format!("level-{level}"))
            .count();
        running += own;
        let start = assess
            .find(&format!("id=\"assess-level-{level}\""))
            .unwrap();
        let section = &assess[start..start + assess[start..].find("</details>").unwrap()];
        assert_eq!(
            section.matches("data-key=").count(),
            running,
            "level {level}"
        );
    }
    assert_eq!(running, 141);
}

/// Issue 26: a book whose items link to guides exports to CSV without its
/// guides; importing that CSV makes a page for each linked guide (with the
/// anchors linked), so the book checks clean and exports the same CSV.
#[test]
fn a_book_whose_items_link_to_guides_round_trips_through_its_csv() {
    let source = TestBook::empty()
        .with("book.toml", "[book]\ntitle = \"T\"\n")
        .with("content/levels/e-1.md", "---\ntitle: E1\nrank: 1\n---\n")
        .with("content/pages/hiring/loop.md", "---\ntitle: Loop\n---\n## Prep\n")
        .with("content/pages/faq.md", "---\ntitle: FAQ\n---\nAsk.\n")
        .with(
            "content/competencies/comms.yaml",
            "name: Comms\norder: 1\nexpectations:\n  e-1:\n    - Runs the [loop](@/pages/hiring/loop#prep).\n    - Reads the [FAQ](@/pages/faq).\n",
        );
    let exported = source.run(&["export", ".", "--format", "csv"]);
    exported.assert_code(0);
    let (target, run) = import(&exported.stdout, &[]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("1 guide `hiring/loop`"),
        "{}",
        run.stderr
    );
    target.run(&["check", "."]).assert_code(0);
    let again = target.run(&["export", ".", "--format", "csv"]);
    again.assert_code(0);
    assert_eq!(again.stdout, exported.stdout);
}

/// Issue 26: a problem only the book's check finds (here a link to a level
/// that does not exist) fails the import, and nothing is written.
#[test]
fn a_problem_found_by_the_check_after_the_import_writes_nothing() {
    let csv = format!("{HEADER}e-1,E1,1,Craft,delivery,Delivery,See [L9](@/levels/l-9).\n");
    let (book, run) = import(&csv, &[]);
    run.assert_code(1);
    assert!(run.stderr.contains("l-9"), "{}", run.stderr);
    assert!(
        run.stderr.contains("import: nothing written"),
        "{}",
        run.stderr
    );
    assert!(nothing_written(&book));
}

/// `--dry-run` prints levels and competencies and writes nothing.
#[test]
fn a_dry_run_lists_what_it_would_create_and_writes_nothing() {
    let csv = format!(
        "{HEADER}e-1,Engineer,1,Craft,delivery,Delivery,\"One.\nTwo.\"\ne-2,Senior,2,Craft,delivery,Delivery,Three.\n"
    );
    let (book, run) = import(&csv, &["--dry-run"]);
    run.assert_code(0);
    assert!(nothing_written(&book));
    for line in [
        "2 levels, 1 competency, 3 items from 2 cells",
        "  1 e-1: Engineer",
        "  delivery: Delivery (3 items)",
        "nothing written",
    ] {
        assert!(run.stderr.contains(line), "{line} in {}", run.stderr);
    }
}

#[test]
fn an_empty_bullet_is_an_empty_item_at_its_row() {
    let csv = format!("{HEADER}e-1,E1,1,,comms,Comms,\"- Writes PR descriptions\n- \"\n");
    let (book, run) = import(&csv, &[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(err.contains("error[empty-item]"), "{err}");
    assert!(err.contains(":2:1"), "{err}");
    assert!(nothing_written(&book));
}

#[test]
fn an_invalid_level_id_on_many_rows_is_one_error_naming_its_lines() {
    // Levels typed the way a sheet has them (`E0` … `E6`), five competencies
    // each: 35 rows, 7 distinct bad values, so 7 errors, each at the first
    // of its 5 lines (header on line 1; E0 on lines 2, 9, 16, 23, 30).
    let mut csv = HEADER.to_string();
    for competency in ["a", "b", "c", "d", "e"] {
        for level in 0..7 {
            csv.push_str(&format!(
                "E{level},Engineer {level},{},Craft,{competency},{},Does {competency}.\n",
                level + 1,
                competency.to_uppercase()
            ));
        }
    }
    let (book, run) = import(&csv, &[]);
    run.assert_code(1);
    let errors = run.stderr.matches("error[").count();
    assert_eq!(errors, 7, "{}", run.stderr);
    assert_eq!(run.stderr.matches("error[invalid-id]").count(), 7);
    assert!(
        run.stderr.contains(
            "error[invalid-id]: `E0` in the `level` column is not a valid id \
             (on 5 rows: lines 2, 9, 16, 23, 30)\n  ┌─ ../ladder.csv:2:1"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`E6` in the `level` column is not a valid id (on 5 rows: lines 8, 15, 22, 29, 36)\n  ┌─ ../ladder.csv:8:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("(e.g. `e0`)"),
        "the hint suggests the id"
    );
    assert!(nothing_written(&book));
}
