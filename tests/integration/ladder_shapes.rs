//! What real ladders say (issue 25): entries that only drop items, books
//! without tracks, levels that share a title, empty items, assessment keys.
//! Each test builds a small book through the real binary and reads what it
//! wrote.

use crate::support::{TestBook, main_of, read_site};

/// The text of the first `<title>` of a page.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("a page has <title>") + "<title>".len();
    &html[start..start + html[start..].find("</title>").unwrap()]
}

/// No tracks.yaml; IC1 and IC2 share a title, IC3 has its own; one
/// competency only drops an item at IC2, another grows.
fn shared_titles_book() -> TestBook {
    TestBook::empty()
        .with("book.toml", "[book]\ntitle = \"Shapes\"\n")
        .with(
            "content/levels/ic1.md",
            "---\ntitle: Reliability Engineer\ncode: IC1\nrank: 1\n---\n",
        )
        .with(
            "content/levels/ic2.md",
            "---\ntitle: Reliability Engineer\ncode: IC2\nrank: 2\n---\n",
        )
        .with(
            "content/levels/ic3.md",
            "---\ntitle: Senior Reliability Engineer\ncode: IC3\nrank: 3\n---\n",
        )
        .with(
            "content/competencies/craft.yaml",
            "name: Craft\nexpectations:\n  ic1:\n    - Writes tests.\n    - Reads the runbook.\n  ic2:\n    - Writes tests.\n",
        )
        .with(
            "content/competencies/oncall.yaml",
            "name: On-call\nexpectations:\n  ic1: Joins the rotation.\n  ic2:\n    - Joins the rotation.\n    - Leads a review.\n",
        )
}

// ------------------------------------------------------------- smaller fixes

#[test]
fn an_entry_that_only_drops_items_narrows_and_does_not_grow() {
    let book = shared_titles_book();
    book.run(&["build", "."]).assert_code(0);
    let main = main_of(&read_site(&book, "levels/ic2.html")).to_string();
    let changes =
        &main[main.find("id=\"what-changes\"").unwrap()..main.find("id=\"expectations\"").unwrap()];
    let craft = &changes[changes.find("#craft").expect("craft changes")..];
    let craft = &craft[..craft.find("</li>\n").unwrap_or(craft.len())];
    assert!(craft.contains("No longer listed:"), "{craft}");
    assert!(craft.contains("Reads the runbook."), "{craft}");
    let craft_item = &changes[..changes.find("#craft").unwrap()];
    let craft_badge = &craft_item[craft_item.rfind("<span class=\"badge").unwrap()..];
    assert!(craft_badge.contains("Narrows"), "{craft_badge}");
    // On-call added an item: it grows.
    let oncall_item = &changes[..changes.find("#oncall").unwrap()];
    let oncall_badge = &oncall_item[oncall_item.rfind("<span class=\"badge").unwrap()..];
    assert!(oncall_badge.contains("Grows"), "{oncall_badge}");
    assert!(changes.contains("1 grows and 1 narrows"), "{changes}");
}

#[test]
fn a_book_without_tracks_names_no_track() {
    let book = shared_titles_book();
    book.run(&["build", "."]).assert_code(0);
    let home = main_of(&read_site(&book, "index.html")).to_string();
    assert_eq!(home.matches(">Levels</h").count(), 1, "{home}");
    let levels = main_of(&read_site(&book, "levels/index.html")).to_string();
    assert_eq!(levels.matches(">Levels</h").count(), 1, "{levels}");
    let assess = main_of(&read_site(&book, "assess.html")).to_string();
    assert!(!assess.contains("(Levels)"), "{assess}");
    assert!(!assess.contains("· Levels"), "{assess}");
}

// ------------------------------------------------------------- shared titles

#[test]
fn levels_that_share_a_title_are_named_with_their_code() {
    let book = shared_titles_book().with(
        "content/archetypes/anchor.md",
        "---\nname: Anchor\nlevels: [ic1, ic2, ic3]\n---\nKeeps things steady.\n",
    );
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let ic2 = read_site(&book, "levels/ic2.html");
    assert!(
        title_of(&ic2).starts_with("Reliability Engineer (IC2)"),
        "{}",
        title_of(&ic2)
    );
    let main = main_of(&ic2);
    assert!(
        main.contains("<h1>Reliability Engineer (IC2)</h1>"),
        "{main}"
    );
    assert!(
        main.contains("What changes from Reliability Engineer (IC1)"),
        "{main}"
    );
    assert!(main.contains("← Reliability Engineer (IC1)"), "{main}");
    assert!(main.contains("Senior Reliability Engineer →"), "{main}");
    assert!(
        !main.contains("Senior Reliability Engineer (IC3)"),
        "{main}"
    );
    let archetype = main_of(&read_site(&book, "archetypes/anchor.html")).to_string();
    assert!(
        archetype.contains(">Reliability Engineer (IC1)</a>, <a")
            && archetype.contains(">Reliability Engineer (IC2)</a>"),
        "{archetype}"
    );
    // Beside their code (the levels list), titles stay as written.
    let levels = main_of(&read_site(&book, "levels/index.html")).to_string();
    assert!(!levels.contains("(IC1)"), "{levels}");
    let assess = main_of(&read_site(&book, "assess.html")).to_string();
    assert!(
        assess.contains("IC1 · Reliability Engineer</option>"),
        "{assess}"
    );
}

#[test]
fn two_levels_with_the_same_title_and_code_are_a_warning() {
    let book = shared_titles_book().with(
        "content/levels/ic2.md",
        "---\ntitle: Reliability Engineer\ncode: IC1\nrank: 2\n---\n",
    );
    let run = book.check(&[]);
    run.assert_code(0);
    let err = run.stderr();
    assert!(err.contains("warning[ambiguous-level]"), "{err}");
    assert!(err.contains("content/levels/ic2.md:3:7"), "{err}");
    book.check(&["--deny-warnings"]).assert_code(1);
}

// ------------------------------------------------------------- empty items

#[test]
fn empty_or_blank_items_are_refused_at_their_place() {
    let book = shared_titles_book().with(
        "content/competencies/craft.yaml",
        "name: Craft\nexpectations:\n  ic1: \"\"\n  ic2:\n    - Writes tests.\n    - \"  \"\n    -\n  ic3:\n    - text: Reviews.\n      examples: [\"\"]\n",
    );
    let run = book.check(&[]);
    run.assert_code(1);
    let err = run.stderr();
    assert_eq!(err.matches("error[empty-item]").count(), 4, "{err}");
    for at in [
        "craft.yaml:3:8",
        "craft.yaml:6:7",
        "craft.yaml:7:6",
        "craft.yaml:10:18",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
}

// ------------------------------------------------------------- assessment keys

/// Every `data-key` of one level's checklist, with its text.
fn checklist(assess: &str, level: &str) -> Vec<(String, String)> {
    let start = assess
        .find(&format!("id=\"assess-{level}\""))
        .unwrap_or_else(|| panic!("a checklist for {level}"));
    let part = &assess[start..];
    let part = &part[..part.find("</details>").unwrap()];
    part.split("data-key=\"")
        .skip(1)
        .map(|rest| {
            let key = &rest[..rest.find('"').unwrap()];
            let text = &rest[rest.find("data-text=\"").unwrap() + 11..];
            (key.to_string(), text[..text.find('"').unwrap()].to_string())
        })
        .collect()
}

#[test]
fn assessment_items_are_keyed_by_competency_level_and_text() {
    let book = shared_titles_book().with(
        "content/competencies/craft.yaml",
        "name: Craft\nexpectations:\n  ic1:\n    - Writes tests.\n    - Reads the runbook.\n  ic2:\n    - Reads the runbook.\n    - Writes tests.\n    - Writes tests.\n    - Pairs on incidents.\n",
    );
    book.run(&["build", "."]).assert_code(0);
    let assess = read_site(&book, "assess.html");
    let ic1 = checklist(&assess, "ic1");
    let ic2 = checklist(&assess, "ic2");
    let key_of = |list: &[(String, String)], text: &str| -> String {
        let found: Vec<&String> = list
            .iter()
            .filter(|(_, t)| t == text)
            .map(|(k, _)| k)
            .collect();
        assert_eq!(found.len(), 1, "{text} once in {list:?}");
        found[0].clone()
    };
    // Reordered, the same sentences keep the keys they had at IC1.
    assert_eq!(key_of(&ic1, "Writes tests."), key_of(&ic2, "Writes tests."));
    assert_eq!(
        key_of(&ic1, "Reads the runbook."),
        key_of(&ic2, "Reads the runbook.")
    );
    assert!(key_of(&ic1, "Writes tests.").starts_with("craft@ic1:"));
    assert!(key_of(&ic2, "Pairs on incidents.").starts_with("craft@ic2:"));
    // No key, and so no sentence, twice in one checklist.
    let mut keys: Vec<&String> = ic2.iter().map(|(k, _)| k).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), ic2.len(), "{ic2:?}");
}

// ------------------------------------------------------------- ended groups

/// Culture exists at IC2 only: `ic3: []` ends it.
fn ended_book() -> TestBook {
    shared_titles_book().with(
        "content/competencies/culture.yaml",
        "name: Culture\nexpectations:\n  ic2:\n    - Runs the guild.\n    - Hosts the book club.\n  ic3: []\n",
    )
}

#[test]
fn an_ended_competency_is_gone_from_higher_levels() {
    let book = ended_book();
    book.check(&["--deny-warnings", "--links"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let ic3 = main_of(&read_site(&book, "levels/ic3.html")).to_string();
    assert!(!ic3.contains("id=\"culture\""), "{ic3}");
    let changes =
        &ic3[ic3.find("id=\"what-changes\"").unwrap()..ic3.find("id=\"expectations\"").unwrap()];
    assert!(changes.contains(">Ends</span>"), "{changes}");
    // Culture is not on IC3's page: the change links to its own page.
    assert!(
        changes.contains("href=\"../competencies/culture.html\">Culture</a>"),
        "{changes}"
    );
    assert!(
        changes.contains("No longer a separate expectation from IC3"),
        "{changes}"
    );
    assert!(changes.contains("Runs the guild."), "{changes}");
    assert!(changes.contains("1 competency ends here."), "{changes}");
    assert!(
        ic3.contains("Not expected separately any more: <a"),
        "{ic3}"
    );
    // The checklist has no Culture item at IC3; IC2 has both.
    let assess = read_site(&book, "assess.html");
    let ic3_list = checklist(&assess, "ic3");
    assert!(
        ic3_list.iter().all(|(k, _)| !k.starts_with("culture@")),
        "{ic3_list:?}"
    );
    assert_eq!(
        checklist(&assess, "ic2")
            .iter()
            .filter(|(k, _)| k.starts_with("culture@"))
            .count(),
        2
    );
    // The matrix shows a dash at IC3.
    let matrix = read_site(&book, "matrix.html");
    let row = &matrix[matrix.find("id=\"default-culture\"").expect("culture row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    let cells: Vec<&str> = row.split("<td").skip(1).collect();
    assert!(
        cells[2].contains("class=\"empty ended\"") && cells[2].contains("–"),
        "{row}"
    );
    assert!(
        cells[0].contains("class=\"empty\"") && !cells[0].contains("ended"),
        "{row}"
    );
    // ladder.json: IC3 has no Culture items, and the competency says where it ends.
    let json = book.run(&["export", ".", "--format", "json"]);
    json.assert_code(0);
    let out = json.stdout();
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let culture = value["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "culture")
        .unwrap();
    assert_eq!(culture["ends"], serde_json::json!(["ic3"]));
    let levels: Vec<&str> = culture["expectations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["ic2"], "{culture}");
    // matrix.csv: Culture's only row at IC3 is its end marker (issue 25:
    // read back by the import), none above.
    let csv = book.run(&["export", ".", "--format", "csv"]);
    let culture_rows: Vec<&str> = csv
        .stdout
        .lines()
        .filter(|l| l.contains(",culture,"))
        .filter(|l| !l.contains(",ic1,") && !l.contains(",ic2,"))
        .collect();
    assert_eq!(
        culture_rows,
        ["default,ic3,IC3,Senior Reliability Engineer,3,,culture,Culture,,,yes"],
        "{}",
        csv.stdout
    );
    assert!(
        !csv.stdout()
            .lines()
            .any(|l| l.contains(",ic3,") && l.contains("culture") && !l.ends_with(",yes")),
        "{}",
        csv.stdout()
    );
}

#[test]
fn ending_what_was_never_expected_is_an_error() {
    let book = shared_titles_book().with(
        "content/competencies/culture.yaml",
        "name: Culture\nexpectations:\n  ic1: []\n  ic3:\n    - Runs the guild.\n",
    );
    let run = book.check(&[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(err.contains("error[nothing-to-end]"), "{err}");
    assert!(err.contains("culture.yaml:3:3"), "{err}");
}

// ------------------------------------------------------------- notes

#[test]
fn a_note_on_a_carried_cell_is_shown_and_never_rated() {
    let book = shared_titles_book().with(
        "content/competencies/craft.yaml",
        "name: Craft\nexpectations:\n  ic1:\n    - Writes tests.\n  ic2:\n    note: Does not go up beyond IC1.\n  ic3:\n    note: Reviews focus on design.\n    items:\n      - Reviews designs.\n",
    );
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let ic2 = main_of(&read_site(&book, "levels/ic2.html")).to_string();
    let craft = &ic2[ic2
        .find("<article class=\"expectation carried\" id=\"craft\"")
        .expect("craft carried")..];
    let craft = &craft[..craft.find("</article>").unwrap()];
    assert!(craft.contains("<p class=\"cell-note\"><span class=\"cell-note-label\">Note:</span> Does not go up beyond IC1.</p>"), "{craft}");
    assert!(craft.contains("Writes tests."), "{craft}");
    // The carried cell does not change: nothing about Craft in what changes.
    let changes =
        &ic2[ic2.find("id=\"what-changes\"").unwrap()..ic2.find("id=\"expectations\"").unwrap()];
    assert!(!changes.contains("#craft"), "{changes}");
    // The note is not carried on to IC3, which has its own.
    let ic3 = main_of(&read_site(&book, "levels/ic3.html")).to_string();
    assert!(!ic3.contains("Does not go up beyond IC1."), "{ic3}");
    assert!(ic3.contains("Reviews focus on design."), "{ic3}");
    // The checklist shows the note but rates only the item.
    let assess = read_site(&book, "assess.html");
    assert_eq!(
        checklist(&assess, "ic2")
            .iter()
            .filter(|(k, _)| k.starts_with("craft@"))
            .count(),
        1
    );
    assert!(assess.contains("Does not go up beyond IC1."));
    let matrix = read_site(&book, "matrix.html");
    assert!(matrix.contains("<p class=\"cell-note\">Does not go up beyond IC1.</p>"));
    // Exports: ladder.json's entry has the note; matrix.csv a note column.
    let json: serde_json::Value =
        serde_json::from_str(&book.run(&["export", ".", "--format", "json"]).stdout()).unwrap();
    let craft = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "craft")
        .unwrap();
    let ic2_entry = craft["expectations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["level"] == "ic2")
        .unwrap();
    assert_eq!(
        ic2_entry["note"]["text"], "Does not go up beyond IC1.",
        "{ic2_entry}"
    );
    assert_eq!(ic2_entry["carried_from"], "ic1");
    let csv = book.run(&["export", ".", "--format", "csv"]).stdout();
    assert!(csv.lines().next().unwrap().ends_with(",note"), "{csv}");
    assert!(csv.contains("Does not go up beyond IC1."), "{csv}");
}

#[test]
fn bad_notes_are_reported_at_their_place() {
    let book = shared_titles_book()
        .with(
            "content/competencies/craft.yaml",
            "name: Craft\nexpectations:\n  ic1:\n    note: [not, text]\n    items: [Writes tests.]\n  ic2:\n    note: Fine.\n    colour: red\n",
        )
        .with(
            "content/competencies/lonely.yaml",
            "name: Lonely\nexpectations:\n  ic1:\n    note: Nothing below me.\n",
        );
    let run = book.check(&[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(
        err.contains("error[wrong-type]") && err.contains("craft.yaml:4:11"),
        "{err}"
    );
    assert!(
        err.contains("error[unknown-field]") && err.contains("craft.yaml:8:5"),
        "{err}"
    );
    assert!(
        err.contains("error[nothing-to-note]") && err.contains("lonely.yaml:4:11"),
        "{err}"
    );
}

#[test]
fn in_a_cumulative_book_an_end_stops_adding_up_and_a_note_keeps_its_level() {
    let book = shared_titles_book()
        .with("book.toml", "[book]\ntitle = \"Adds up\"\n\n[ladder]\nexpectations = \"cumulative\"\n")
        .with(
            "content/competencies/craft.yaml",
            "name: Craft\nexpectations:\n  ic1:\n    - Writes tests.\n  ic2:\n    note: Nothing new beyond IC1.\n  ic3: []\n",
        )
        .with(
            "content/competencies/oncall.yaml",
            "name: On-call\nexpectations:\n  ic1: Joins the rotation.\n  ic2: Leads a review.\n",
        );
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let assess = read_site(&book, "assess.html");
    let craft = |level: &str| {
        checklist(&assess, level)
            .iter()
            .filter(|(k, _)| k.starts_with("craft@"))
            .count()
    };
    assert_eq!((craft("ic1"), craft("ic2"), craft("ic3")), (1, 1, 0));
    assert_eq!(
        checklist(&assess, "ic3").len(),
        2,
        "On-call's two items only"
    );
    let csv = book.run(&["export", ".", "--format", "csv"]).stdout();
    let noted: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("Nothing new beyond IC1."))
        .collect();
    assert_eq!(noted.len(), 1, "{csv}");
    assert!(noted[0].contains(",ic2,"), "{csv}");
}
