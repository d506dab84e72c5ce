//! `import --from csv` reads a grid as the sheet has it (issue 26): levels
//! as rows or columns, a title row above the header, criteria split by
//! lines, blank lines and bullets, Scope / Notes columns mapped to the
//! levels, a tips block kept as a guide, tab-separated files, `--map`,
//! and one error for a header it cannot place. Counts are checked through
//! the book's JSON export.

use std::path::Path;

use serde_json::Value;

use crate::support::TestBook;

fn import(csv: &str, extra: &[&str]) -> (TestBook, crate::support::Run) {
    let book = TestBook::empty();
    std::fs::write(book.root().join("../sheet.csv"), csv).unwrap();
    let mut args = vec!["import", "--from", "csv", "../sheet.csv", "."];
    args.extend_from_slice(extra);
    let run = book.run(&args);
    (book, run)
}

fn ids(json: &Value, kind: &str) -> Vec<String> {
    json[kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

/// (items, cells) of the book's own entries.
fn counts(json: &Value) -> (usize, usize) {
    counts_of(json, "competencies")
}

/// (items, cells) of the own entries of `competencies` or `aspects`.
fn counts_of(json: &Value, kind: &str) -> (usize, usize) {
    let mut items = 0;
    let mut cells = 0;
    for c in json[kind].as_array().into_iter().flatten() {
        for e in c["expectations"].as_array().unwrap() {
            if e["carried_from"].is_null() {
                cells += 1;
                items += e["items"].as_array().unwrap().len();
            }
        }
    }
    (items, cells)
}

fn read(book: &TestBook, path: &str) -> String {
    std::fs::read_to_string(book.root().join(path)).unwrap()
}

const BY_COLUMNS: &str = "Platform team ladder,,,\n\
Competency,\"E1, ~ 1 yr\",Senior (L4),Staff (L5)\n\
Scope,Own tasks,A project,Several teams\n\
Delivery,\"Ships small fixes\n\nAsks for review\",\"- Plans the project\n- Splits the work\",1. Sets direction\n\
Communication,Writes updates,\"Writes design docs\nRuns demos\",\n\
Notes,Starts here,,Rare\n\
\"How to read this: each level adds to the one before. See https://example.com/ladder\",,,\n";

#[test]
fn a_grid_with_levels_as_columns_a_title_row_extras_and_tips() {
    let (book, run) = import(BY_COLUMNS, &[]);
    run.assert_code(0);
    for expected in [
        "3 levels, 2 competencies, 1 level-wide aspect, 11 items from 8 cells",
        "levels as columns, header on line 2",
        "1 guide `about-this-ladder` from 2 rows of lines 1-11",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected} in {}",
            run.stderr
        );
    }
    let json = book.exported_ladder();
    assert_eq!(ids(&json, "levels"), ["e1", "l4", "l5"]);
    assert_eq!(ids(&json, "competencies"), ["delivery", "communication"]);
    assert_eq!(counts(&json), (8, 5));
    // The Scope row is the level-wide aspect "Scope" (issue 25).
    assert_eq!(counts_of(&json, "aspects"), (3, 3));
    let e1 = read(&book, "content/levels/e1.md");
    assert!(
        e1.contains("code: E1\n") && e1.contains("years: \"~ 1 yr\"\n"),
        "{e1}"
    );
    assert!(
        e1.contains("expectations:\n  scope: Own tasks\n") && e1.ends_with("---\nStarts here\n"),
        "{e1}"
    );
    let l4 = read(&book, "content/levels/l4.md");
    assert!(l4.contains("title: Senior\ncode: L4\n"), "{l4}");
    let guide = read(&book, "content/pages/about-this-ladder.md");
    assert!(
        guide.contains("Platform team ladder") && guide.contains("<https://example.com/ladder>"),
        "{guide}"
    );
    book.run(&["build", "."]).assert_code(0);
}

#[test]
fn a_tab_separated_grid_with_levels_as_rows_and_a_notes_column() {
    let tsv = "Level\tDelivery\tReview\tNotes\tComments2\n\
1\tShips\t\"One\n\nTwo\n\nThree\"\tNew hires\t\n\
2\t\"• A\n• B\"\tLeads reviews\t\tx\n";
    let (book, run) = import(tsv, &["--map", "Comments2=ignore"]);
    run.assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(ids(&json, "levels"), ["l1", "l2"]);
    assert_eq!(ids(&json, "competencies"), ["delivery", "review"]);
    assert_eq!(counts(&json), (7, 4));
    assert!(read(&book, "content/levels/l1.md").ends_with("---\nNew hires\n"));
}

#[test]
fn an_unnamed_column_with_content_is_a_warning_not_lost_silently() {
    let (_, run) = import(
        "Level,Delivery,\n1,Ships,stray\n2,Ships more,\n",
        &["--dry-run"],
    );
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("warning[csv-unmapped-column]: `column 3`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_header_it_cannot_place_is_one_error_naming_both_layouts() {
    let (book, run) = import("Name,Team,Start\nAda,Core,2020\nBob,Web,2021\n", &[]);
    run.assert_code(1);
    assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("csv-unknown-layout") && run.stderr.contains("docs/migrating.md"),
        "{}",
        run.stderr
    );
    assert!(std::fs::read_dir(book.root()).unwrap().next().is_none());
}

#[test]
fn two_levels_of_one_name_and_a_bad_map_are_reported_together() {
    let (book, run) = import(
        "Level,Delivery\nSenior (L4),A\nStaff (L4),B\n",
        &["--map", "Delivery=salary"],
    );
    run.assert_code(1);
    for expected in [
        "two levels of one name: `Staff (L4)` here and on line 2",
        "`salary` is not a field",
        ":3:1",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected} in {}",
            run.stderr
        );
    }
    assert!(std::fs::read_dir(book.root()).unwrap().next().is_none());
}

#[test]
fn the_header_row_can_be_given() {
    let (book, run) = import(
        "Ladder\nv2,,\nLevel,Delivery,Review\n1,A,B\n2,C,D\n",
        &["--header-row", "3"],
    );
    run.assert_code(0);
    assert_eq!(counts(&book.exported_ladder()), (4, 4));
}

fn teleport() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ladders/teleport-sre/sheet.csv");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} is absent", path.display());
            None
        }
    }
}

const TELEPORT_SKILLS: [&str; 11] = [
    "scope",
    "collaboration",
    "skills-development",
    "mentorship",
    "communications",
    "on-call",
    "security",
    "operations",
    "development-and-automation",
    "reliability",
    "systems-engineering",
];

#[test]
fn the_teleport_sheet_imports_as_the_grid_it_is() {
    let Some(sheet) = teleport() else { return };
    // Scope as one of the skills, as the sheet's own header has it.
    let (book, run) = import(&sheet, &["--map", "Scope=competency"]);
    run.assert_code(0);
    let json = book.exported_ladder();
    assert_eq!(ids(&json, "competencies"), TELEPORT_SKILLS);
    assert_eq!(counts(&json), (65, 54));
    book.run(&["build", "."]).assert_code(0);
    // By default Scope is the level-wide aspect "Scope" (issue 25): the
    // 10 skills keep 59 items in 48 cells, Scope adds one item at each of
    // the 6 levels, so nothing of the sheet is left in a summary.
    let (book, run) = import(&sheet, &[]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("10 competencies, 1 level-wide aspect, 65 items from 54 cells"),
        "{}",
        run.stderr
    );
    let json = book.exported_ladder();
    assert_eq!(ids(&json, "competencies"), TELEPORT_SKILLS[1..]);
    assert_eq!(ids(&json, "aspects"), ["scope"]);
    assert_eq!(counts(&json), (59, 48));
    assert_eq!(counts_of(&json, "aspects"), (6, 6));
    assert!(json["levels"][0]["summary"].is_null(), "{json:#}");
    assert!(
        json["aspects"][0]["expectations"][0]["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Takes direction")
    );
    book.run(&["build", "."]).assert_code(0);
}

/// (id, rank, code) of each level of the book, in the book's order.
fn level_keys(json: &Value) -> Vec<(String, i64, String)> {
    json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_string(),
                l["rank"].as_i64().unwrap(),
                l["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn id_and_rank_columns_are_used_as_given_and_an_empty_one_falls_back() {
    // Staff has no id: derived from its label. Ranks 10/20/30 as given.
    let csv = "Level,Id,Rank,Delivery,Review\n\
               Junior,jr,10,Ships fixes,Reads diffs\n\
               Senior,sr,20,Plans work,Reviews designs\n\
               Staff,,30,Sets direction,Sets standards\n";
    let (book, run) = import(csv, &[]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("mapped to the levels: id, rank"),
        "{}",
        run.stderr
    );
    let json = book.exported_ladder();
    let keys: Vec<(String, i64)> = level_keys(&json)
        .into_iter()
        .map(|(id, rank, _)| (id, rank))
        .collect();
    assert_eq!(
        keys,
        [("jr".into(), 10), ("sr".into(), 20), ("staff".into(), 30)]
    );
    assert_eq!(ids(&json, "competencies"), ["delivery", "review"]);
    assert_eq!(counts(&json), (6, 6));
    book.check(&[]).assert_code(0);
}

#[test]
fn id_code_and_rank_rows_of_a_grid_with_levels_as_columns_can_be_mapped() {
    // `Id` is well known; `Order` and a plain `Code` are named with --map.
    let csv = "Skill,Level 1,Level 2,Level 3\n\
               Id,eng-1,eng-2,eng-3\n\
               Order,30,20,10\n\
               Code,E1,E2,E3\n\
               Delivery,Ships fixes,Plans work,Sets direction\n\
               Review,Reads diffs,Reviews designs,Sets standards\n";
    let (book, run) = import(csv, &["--map", "Order=rank", "--map", "Code=code"]);
    run.assert_code(0);
    let json = book.exported_ladder();
    // The book orders levels by rank: the sheet's last level comes first.
    assert_eq!(
        level_keys(&json),
        [
            ("eng-3".into(), 10, "E3".into()),
            ("eng-2".into(), 20, "E2".into()),
            ("eng-1".into(), 30, "E1".into()),
        ]
    );
    assert_eq!(ids(&json, "competencies"), ["delivery", "review"]);
}

#[test]
fn a_bad_id_a_bad_rank_and_a_shared_rank_are_reported_together() {
    let csv = "Level,Id,Rank,Delivery\n\
               Junior,J 1,1,a\n\
               Senior,sr,x,b\n\
               Staff,st,1,c\n";
    let (book, run) = import(csv, &[]);
    run.assert_code(1);
    for expected in [
        "error[invalid-id]: the id `J 1` given for the level `Junior` is not a valid id\n  ┌─ ../sheet.csv:2:1",
        "error[wrong-type]: the rank given for the level `Senior` must be a whole number, found `x`\n  ┌─ ../sheet.csv:3:1",
        "error[duplicate-rank]: the level `Staff` has rank 1, as `Junior` (line 2) has\n  ┌─ ../sheet.csv:4:1",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(std::fs::read_dir(book.root()).unwrap().next().is_none());
}
