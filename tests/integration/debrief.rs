//! `ladderbook debrief`: the committed scorecards of tests/fixtures/scorecards/
//! (filled against the repository's own book) in all three formats, every
//! problem a file can have with its exit status, and a tiny inline book whose
//! whole output is pinned, notices of a changed ladder included.
//!
//! The bundled book keeps changing, so the committed files' `book.version`
//! goes stale: the tests on them accept a notice and assert on the
//! aggregation, which does not depend on the version.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{Run, TestBook, fixtures_dir};

/// The committed scorecards, in the order they are passed.
const FIXTURES: [&str; 3] = [
    "ann-smith-incident-sim.json",
    "ben-okafor-slo-design.json",
    "chloe-martin-roadmap-case.json",
];

fn fixture(name: &str) -> Value {
    let path = fixtures_dir().join("scorecards").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("read {}: {err}", path.display()));
    serde_json::from_str(&text).expect("the committed fixtures are JSON")
}

/// A copy of the repository's own book with the committed scorecards in
/// `filled/`.
fn repo_book() -> TestBook {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    for name in FIXTURES {
        book.write(&format!("filled/{name}"), pretty(&fixture(name)));
    }
    book
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialise") + "\n"
}

/// `ladderbook debrief [extra...] FILES...` in the book's folder.
fn debrief(book: &TestBook, extra: &[&str], files: &[&str]) -> Run {
    let mut args = vec!["debrief"];
    args.extend_from_slice(extra);
    args.extend_from_slice(files);
    book.run(&args)
}

fn fixture_paths() -> Vec<String> {
    FIXTURES.iter().map(|n| format!("filled/{n}")).collect()
}

fn run_fixtures(book: &TestBook, extra: &[&str]) -> Run {
    let paths = fixture_paths();
    let files: Vec<&str> = paths.iter().map(String::as_str).collect();
    debrief(book, extra, &files)
}

/// Competency id → display name, from the book's own export.
fn competency_name(book: &TestBook, id: &str) -> String {
    let export = book.run(&["export", ".", "--format", "json"]);
    export.assert_code(0);
    export.json()["competencies"]
        .as_array()
        .expect("`competencies` is an array")
        .iter()
        .find(|c| c["id"] == id)
        .and_then(|c| c["name"].as_str())
        .unwrap_or_else(|| panic!("the bundled book has no competency `{id}`"))
        .to_string()
}

fn book_version(book: &TestBook) -> String {
    let export = book.run(&["export", ".", "--format", "json"]);
    export.assert_code(0);
    export.json()["version"]
        .as_str()
        .expect("the export has a version")
        .to_string()
}

/// The line of `text` that starts with `start`.
#[track_caller]
fn line_starting<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?} in:\n{text}"))
}

/// A stale fixture is fine, but then it must say so (and only then).
#[track_caller]
fn assert_notices_match_versions(book: &TestBook, run: &Run) {
    let current = book_version(book);
    for name in FIXTURES {
        let version = fixture(name)["book"]["version"]
            .as_str()
            .unwrap()
            .to_string();
        let noticed = run.stdout().contains(&format!("filled/{name}"))
            && run
                .stdout()
                .contains(&format!("version {version} of the ladder"));
        assert_eq!(
            noticed,
            version != current,
            "{name}: filled against {version}, the book is {current}\n{}",
            run.stdout()
        );
    }
}

#[test]
fn the_committed_scorecards_aggregate_as_a_text_table() {
    let book = repo_book();
    let run = run_fixtures(&book, &[]);
    run.assert_code(0);
    let out = run.stdout();
    assert_notices_match_versions(&book, &run);
    assert!(out.starts_with("Debrief for Jane Doe\n"), "{out}");
    assert!(out.contains("Loop:   SRE & DevOps engineering leader loop (engineering-leader)"));
    let header = line_starting(&out, "Dimension");
    let columns: Vec<&str> = header
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        columns,
        [
            "Dimension",
            "Ann Smith",
            "Ben Okafor",
            "Chloe Martin",
            "Mean",
            "Spread",
            "Note"
        ]
    );
    let interviews = out
        .lines()
        .nth(out.lines().position(|l| l == header).unwrap() + 1)
        .unwrap();
    assert_eq!(
        interviews.split_whitespace().collect::<Vec<_>>(),
        ["incident-sim", "slo-design", "roadmap-case"]
    );
    let cells = |id: &str| -> Vec<String> {
        let name = competency_name(&book, id);
        let line = line_starting(&out, &name);
        line[name.len()..]
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    };
    assert_eq!(
        cells("observability"),
        [
            "Yes (3)",
            "Strong no (1)",
            "—",
            "2.0",
            "2",
            "strong disagreement (2 steps apart)"
        ]
    );
    assert_eq!(
        cells("incident-management"),
        ["Strong yes (4)", "—", "—", "4.0", "0"]
    );
    assert_eq!(
        cells("stakeholder-management"),
        ["Yes (3)", "—", "Yes (3)", "3.0", "0"]
    );
    assert_eq!(
        cells("people-leadership"),
        ["Yes (3)", "—", "Strong yes (4)", "3.5", "1"]
    );
    for id in ["ci-cd", "infrastructure-as-code", "security"] {
        assert_eq!(
            cells(id),
            ["—", "—", "—", "—", "—", "not covered by this loop"],
            "{id}"
        );
    }
    assert!(out.contains(
        "Ben Okafor — SLO and error budget design (slo-design), 2026-11-21\n  Recommendation: No (2)\n"
    ));
    assert!(out.contains(", not rated: Ran out of time before the product manager push-back."));
    assert!(
        out.contains("  Recommendations:     Strong no 0 · No 1 · Yes 2 · Strong yes 0 · none 0\n")
    );
    assert!(out.contains("  Mean recommendation: 2.7 (midpoint 2.5)\n"));
    assert!(out.contains(
        "  Verdict:             Mixed: 1 dimension with strong disagreement — discuss before deciding\n"
    ));
}

#[test]
fn the_committed_scorecards_aggregate_as_markdown_tables() {
    let book = repo_book();
    let run = run_fixtures(&book, &["--format", "markdown"]);
    run.assert_code(0);
    let out = run.stdout();
    assert_notices_match_versions(&book, &run);
    assert!(out.starts_with("# Debrief: Jane Doe\n"), "{out}");
    assert!(out.contains(
        "| Dimension | Ann Smith (incident-sim) | Ben Okafor (slo-design) | Chloe Martin (roadmap-case) | Mean | Spread | Note |\n\
         | --- | --- | --- | --- | --: | --: | --- |\n"
    ));
    let observability = competency_name(&book, "observability");
    assert!(out.contains(&format!(
        "| {observability} | Yes (3) | Strong no (1) | — | 2.0 | 2 | **strong disagreement (2 steps apart)** |\n"
    )));
    let finops = competency_name(&book, "finops");
    assert!(out.contains(&format!("| {finops} | — | — | No (2) | 2.0 | 0 |  |\n")));
    assert!(out.contains("### Ben Okafor — SLO and error budget design\n"));
    assert!(out.contains(
        "| Stakeholder management | not rated | Ran out of time before the product manager push-back. |\n"
    ));
    assert!(out.contains("| Yes | 2 |\n"));
    assert!(out.contains(
        "- **Verdict:** Mixed: 1 dimension with strong disagreement — discuss before deciding\n"
    ));
}

#[test]
fn the_committed_scorecards_aggregate_as_json() {
    let book = repo_book();
    let run = run_fixtures(&book, &["--format", "json"]);
    run.assert_code(0);
    let out = run.json();
    assert_eq!(out["format"], "ladderbook.debrief/1");
    assert_eq!(out["scorecard"]["id"], "engineering-leader");
    assert_eq!(out["candidate"], "Jane Doe");
    assert_eq!(out["book"]["version"], book_version(&book).as_str());
    let names: Vec<&str> = out["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ann Smith", "Ben Okafor", "Chloe Martin"]);
    let dimension = |id: &str| -> &Value {
        out["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["competency"] == id)
            .unwrap_or_else(|| panic!("no dimension {id}"))
    };
    let observability = dimension("observability");
    let ratings: Vec<&Value> = observability["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["rating"]["id"])
        .collect();
    assert_eq!(ratings, [&json!("yes"), &json!("strong-no"), &Value::Null]);
    assert_eq!(observability["mean"], 2.0);
    assert_eq!(observability["spread"], 2);
    assert_eq!(observability["disagreement"], true);
    assert_eq!(dimension("people-leadership")["mean"], 3.5);
    assert_eq!(dimension("security")["covered"], false);
    assert_eq!(dimension("security")["focused"], true);
    let summary = &out["summary"];
    let tally: Vec<(&str, u64)> = summary["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        tally,
        [("strong-no", 0), ("no", 1), ("yes", 2), ("strong-yes", 0)]
    );
    assert_eq!(summary["mean_recommendation"], 2.67);
    assert_eq!(summary["flagged_dimensions"], 1);
    assert_eq!(summary["not_covered"], 3);
    assert_eq!(summary["verdict"]["kind"], "mixed");
    let current = book_version(&book);
    let stale = FIXTURES
        .iter()
        .filter(|n| fixture(n)["book"]["version"] != current.as_str())
        .count();
    assert_eq!(out["notices"].as_array().unwrap().len(), stale);
}

#[test]
fn a_stale_version_gives_a_notice_not_a_failure() {
    let book = repo_book();
    for name in FIXTURES {
        let mut value = fixture(name);
        value["book"]["version"] = json!("0000000000000000");
        book.write(&format!("filled/{name}"), pretty(&value));
    }
    let run = run_fixtures(&book, &[]);
    run.assert_code(0);
    let out = run.stdout();
    for name in FIXTURES {
        assert!(
            out.contains(&format!(
                "Notice: filled/{name} ({}) was filled against version 0000000000000000 of the ladder",
                fixture(name)["interviewer"].as_str().unwrap()
            )),
            "{out}"
        );
    }
    assert!(run.stderr().contains(
        "debrief: 3 files were filled against another version of the ladder; see the notices"
    ));
    assert!(out.contains("strong disagreement (2 steps apart)"), "{out}");
}

// ---------------------------------------------------------------------------
// Problems: every one names the file, the key path and its position; all of
// them are reported in one run; exit 1 (exit 2 when a file cannot be read).

/// Runs the three fixtures plus `bad.json` made by `change` from Ann's file.
fn with_bad_file(change: impl FnOnce(&mut Value)) -> Run {
    let book = repo_book();
    let mut value = fixture(FIXTURES[0]);
    change(&mut value);
    book.write("filled/bad.json", pretty(&value));
    let mut files = fixture_paths();
    files.push("filled/bad.json".into());
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    debrief(&book, &[], &files)
}

#[track_caller]
fn assert_problems(run: &Run, expected: &[&str]) {
    run.assert_code(1);
    let stderr = run.stderr();
    for line in expected {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
    assert!(
        run.stdout.is_empty(),
        "nothing is aggregated: {}",
        run.stdout
    );
    assert!(stderr.contains("nothing aggregated"), "{stderr}");
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    let book = repo_book().with(
        "filled/bad.json",
        "{\n  \"format\": \"ladderbook.scorecard/1\",\n}\n",
    );
    let run = debrief(&book, &[], &["filled/bad.json"]);
    assert_problems(
        &run,
        &[
            "error[not-json]: not a JSON file: trailing comma",
            "┌─ filled/bad.json:3:1",
        ],
    );
}

#[test]
fn a_file_that_is_not_an_object_is_refused() {
    let book = repo_book().with("filled/bad.json", "[\"yes\"]\n");
    let run = debrief(&book, &[], &["filled/bad.json"]);
    assert_problems(
        &run,
        &["error[not-an-object]: not a scorecard: the file holds an array, not a JSON object"],
    );
}

#[test]
fn a_file_without_a_format_is_refused() {
    let run = with_bad_file(|v| {
        v.as_object_mut().unwrap().remove("format");
    });
    assert_problems(
        &run,
        &[
            "error[missing-format]: not a scorecard: the file has no `format` field",
            "┌─ filled/bad.json:1:1",
        ],
    );
}

#[test]
fn an_assessment_is_not_a_scorecard() {
    let run = with_bad_file(|v| v["format"] = json!("ladderbook.assessment/1"));
    assert_problems(
        &run,
        &[
            "error[wrong-format]: `format`: this is a self-assessment (`ladderbook.assessment/1`), not a scorecard",
            "filled/bad.json:",
        ],
    );
}

#[test]
fn an_unknown_scorecard_gets_a_did_you_mean() {
    let run = with_bad_file(|v| v["scorecard"] = json!("engineering-leadr"));
    assert_problems(
        &run,
        &[
            "error[unknown-scorecard]: `scorecard`: this book has no scorecard `engineering-leadr`",
            "help: did you mean `engineering-leader`?",
        ],
    );
}

#[test]
fn an_unknown_interview_gets_a_did_you_mean() {
    let run = with_bad_file(|v| v["interview"] = json!("incident-simulation"));
    assert_problems(
        &run,
        &[
            "error[unknown-interview]: `interview`: scorecard `engineering-leader` has no interview `incident-simulation`",
            "help: did you mean `incident-sim`?",
        ],
    );
}

#[test]
fn a_dimension_not_in_the_scorecard_is_refused() {
    let run = with_bad_file(|v| {
        let ratings = v["ratings"].as_object_mut().unwrap();
        let entry = ratings.remove("incident-management").unwrap();
        ratings.insert("incident-managment".into(), entry);
        ratings.insert("coaching".into(), json!({ "rating": "yes" }));
    });
    assert_problems(
        &run,
        &[
            "error[unknown-dimension]: `ratings.incident-managment`: scorecard `engineering-leader` has no dimension `incident-managment`",
            "help: did you mean `incident-management`?",
            "error[unknown-dimension]: `ratings.coaching`: competency `coaching` is not a dimension of scorecard `engineering-leader`",
        ],
    );
}

#[test]
fn a_rating_not_in_the_scale_lists_the_allowed_steps() {
    let run = with_bad_file(|v| {
        v["ratings"]["observability"]["rating"] = json!("maybe");
        v["recommendation"] = json!("hire");
    });
    assert_problems(
        &run,
        &[
            "error[unknown-rating]: `ratings.observability.rating`: `maybe` is not a step of the scorecard's scale",
            "help: the scale's steps are `strong-no`, `no`, `yes`, `strong-yes`, or null when not rated",
            "error[unknown-rating]: `recommendation`: `hire` is not a step of the scorecard's scale",
        ],
    );
}

#[test]
fn files_of_another_scorecard_are_refused() {
    let run = with_bad_file(|v| {
        v["scorecard"] = json!("senior-sre");
        v["ratings"] = json!({});
    });
    assert_problems(
        &run,
        &[
            "error[mixed-scorecards]: `scorecard`: this file is for scorecard `senior-sre`, the files \
             filled/ann-smith-incident-sim.json, filled/ben-okafor-slo-design.json, \
             filled/chloe-martin-roadmap-case.json are for `engineering-leader`",
        ],
    );
}

#[test]
fn files_about_another_candidate_are_refused() {
    let run = with_bad_file(|v| v["candidate"] = json!("John Roe"));
    assert_problems(
        &run,
        &["error[mixed-candidates]: `candidate`: this file is about “John Roe”, the files"],
    );
}

#[test]
fn every_problem_of_every_file_is_reported_in_one_run() {
    let book = repo_book();
    let mut first = fixture(FIXTURES[0]);
    first["ratings"]["observability"]["rating"] = json!("maybe");
    first["interview"] = json!("nope");
    book.write("filled/one.json", pretty(&first));
    let mut second = fixture(FIXTURES[1]);
    second["format"] = json!("ladderbook.scorecard/9");
    book.write("filled/two.json", pretty(&second));
    book.write("filled/three.json", "not json");
    let run = debrief(
        &book,
        &[],
        &["filled/one.json", "filled/two.json", "filled/three.json"],
    );
    assert_problems(
        &run,
        &[
            "┌─ filled/one.json:",
            "error[unknown-interview]: `interview`: scorecard `engineering-leader` has no interview `nope`",
            "error[unknown-rating]: `ratings.observability.rating`: `maybe` is not a step",
            "┌─ filled/two.json:",
            "error[wrong-format]: `format`: `ladderbook.scorecard/9` is a newer scorecard format than this ladderbook reads",
            "┌─ filled/three.json:1:2",
            "error[not-json]: not a JSON file: expected ident",
            "debrief: 4 problems in the scorecard files; nothing aggregated",
        ],
    );
}

#[test]
fn an_unreadable_file_is_a_failure_of_the_tool() {
    let book = repo_book();
    let run = debrief(&book, &[], &["filled/missing.json"]);
    run.assert_code(2);
    assert!(
        run.stderr()
            .contains("error: cannot read `filled/missing.json`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_book_with_errors_is_reported_first() {
    let book = repo_book().with("content/levels/broken.md", "---\ntitle: Broken\n---\n");
    let run = run_fixtures(&book, &[]);
    run.assert_code(1);
    assert!(
        run.stderr().contains("content/levels/broken.md"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("debrief: the book has errors; fix them first")
    );
}

// ---------------------------------------------------------------------------
// A tiny book of our own: the whole output is pinned, notices included.

const TINY: &[(&str, &str)] = &[
    ("book.toml", "[book]\ntitle = \"Tiny Ladder\"\n"),
    (
        "content/levels/l1.md",
        "---\ntitle: Engineer\nrank: 1\n---\n",
    ),
    (
        "content/competencies/incidents.yaml",
        "name: Incident response\narea: Reliability\nexpectations:\n  l1: Leads incidents.\n",
    ),
    (
        "content/competencies/slos.yaml",
        "name: SLO design\narea: Reliability\nexpectations:\n  l1: Sets SLOs.\n",
    ),
    (
        "content/competencies/coaching.yaml",
        "name: Coaching\narea: People\nexpectations:\n  l1: Mentors.\n",
    ),
    (
        "content/competencies/cost.yaml",
        "name: Cost awareness\narea: Delivery\nexpectations:\n  l1: Watches cost.\n",
    ),
    ("content/scorecards/loop.yaml", TINY_LOOP),
];

const TINY_LOOP: &str = "title: Tiny loop
levels: [l1]
dimensions:
  - competency: incidents
    meets: Calm, explicit roles.
    exceeds: Has lowered MTTR.
  - competency: slos
    meets: Sensible SLIs.
    exceeds: Error budget policy adopted.
  - competency: coaching
    meets: Mentors one engineer.
    exceeds: Grows leads.
  - competency: cost
    meets: Knows the cost drivers.
interviews:
  - { id: sim, title: Incident simulation, focus: [incidents, coaching] }
  - { id: design, title: SLO design, focus: [slos] }
";

fn tiny_book() -> TestBook {
    TINY.iter().fold(TestBook::empty(), |book, (path, text)| {
        book.with(path, text)
    })
}

/// The dimension texts of `TINY_LOOP`, as the site exports them.
fn tiny_texts(id: &str) -> (&'static str, Option<&'static str>) {
    match id {
        "incidents" => ("Calm, explicit roles.", Some("Has lowered MTTR.")),
        "slos" => ("Sensible SLIs.", Some("Error budget policy adopted.")),
        "coaching" => ("Mentors one engineer.", Some("Grows leads.")),
        "cost" => ("Knows the cost drivers.", None),
        other => panic!("no dimension {other}"),
    }
}

struct Card<'a> {
    interview: &'a str,
    interviewer: &'a str,
    /// (dimension, rating, notes)
    ratings: &'a [(&'a str, Option<&'a str>, Option<&'a str>)],
    takeaways: &'a str,
    recommendation: Option<&'a str>,
}

fn card(version: &str, card: &Card) -> String {
    let ratings: serde_json::Map<String, Value> = card
        .ratings
        .iter()
        .map(|(id, rating, notes)| {
            let (meets, exceeds) = tiny_texts(id);
            let entry =
                json!({ "rating": rating, "notes": notes, "meets": meets, "exceeds": exceeds });
            (id.to_string(), entry)
        })
        .collect();
    pretty(&json!({
        "format": "ladderbook.scorecard/1",
        "book": { "title": "Tiny Ladder", "version": version },
        "scorecard": "loop",
        "interview": card.interview,
        "candidate": "Sam Lee",
        "interviewer": card.interviewer,
        "date": "2026-11-23",
        "ratings": ratings,
        "takeaways": card.takeaways,
        "recommendation": card.recommendation,
    }))
}

const ANN: Card = Card {
    interview: "sim",
    interviewer: "Ann",
    ratings: &[
        (
            "incidents",
            Some("strong-yes"),
            Some("Took command | set roles."),
        ),
        ("coaching", Some("yes"), None),
    ],
    takeaways: "Clear commander.\nAsk references about delegation.",
    recommendation: Some("yes"),
};

const BOB: Card = Card {
    interview: "design",
    interviewer: "Bob",
    ratings: &[
        ("slos", Some("no"), Some("No burn-rate alerts.")),
        ("incidents", Some("no"), None),
    ],
    takeaways: "Not yet.",
    recommendation: Some("no"),
};

const CY: Card = Card {
    interview: "sim",
    interviewer: "Cy",
    ratings: &[
        ("incidents", Some("yes"), None),
        ("coaching", None, Some("No signal.")),
    ],
    takeaways: "Would hire.",
    recommendation: Some("strong-yes"),
};

/// The tiny book with the three cards, filled against its current version.
fn tiny_loop() -> TestBook {
    let book = tiny_book();
    let version = book_version(&book);
    for (name, c) in [("ann", &ANN), ("bob", &BOB), ("cy", &CY)] {
        book.write(&format!("{name}.json"), card(&version, c));
    }
    book
}

fn redact_version(book: &TestBook, text: &str) -> String {
    text.replace(&book_version(book), "[VERSION]")
}

#[test]
fn the_whole_text_output_is_pinned() {
    let book = tiny_loop();
    let run = debrief(&book, &[], &["cy.json", "bob.json", "ann.json"]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "");
    assert_eq!(
        redact_version(&book, &run.stdout()),
        "\
Debrief for Sam Lee
Loop:   Tiny loop (loop)
Ladder: Tiny Ladder, version [VERSION]

Ratings
Dimension          Ann             Cy       Bob     Mean  Spread  Note
                   sim             sim      design
-----------------  --------------  -------  ------  ----  ------  ----------------------------------------------------
Incident response  Strong yes (4)  Yes (3)  No (2)   3.0       2  strong disagreement (2 steps apart)
SLO design         —               —        No (2)   2.0       0
Coaching           Yes (3)         —        —        3.0       0
Cost awareness     —               —        —          —       —  not covered by this loop; no interview focuses on it

Who said what
Ann — Incident simulation (sim), 2026-11-23
  Recommendation: Yes (3)
  Take-aways: Clear commander.
    Ask references about delegation.
  Incident response, Strong yes (4): Took command | set roles.

Cy — Incident simulation (sim), 2026-11-23
  Recommendation: Strong yes (4)
  Take-aways: Would hire.
  Coaching, not rated: No signal.

Bob — SLO design (design), 2026-11-23
  Recommendation: No (2)
  Take-aways: Not yet.
  SLO design, No (2): No burn-rate alerts.

Summary
  Interviews:          3
  Recommendations:     Strong no 0 · No 1 · Yes 1 · Strong yes 1 · none 0
  Mean recommendation: 3.0 (midpoint 2.5)
  Flagged dimensions:  1 dimension with strong disagreement
  Not covered:         1 (Cost awareness)
  Verdict:             Mixed: 1 dimension with strong disagreement and recommendations 2 steps apart — discuss before deciding
"
    );
}

#[test]
fn the_whole_markdown_output_is_pinned() {
    let book = tiny_loop();
    let run = debrief(
        &book,
        &["--format", "markdown"],
        &["ann.json", "bob.json", "cy.json"],
    );
    run.assert_code(0);
    assert_eq!(
        redact_version(&book, &run.stdout()),
        "\
# Debrief: Sam Lee

- **Loop:** Tiny loop (`loop`)
- **Ladder:** Tiny Ladder, version `[VERSION]`
- **Verdict:** Mixed: 1 dimension with strong disagreement and recommendations 2 steps apart — discuss before deciding

## Ratings

| Dimension | Ann (sim) | Cy (sim) | Bob (design) | Mean | Spread | Note |
| --- | --- | --- | --- | --: | --: | --- |
| Incident response | Strong yes (4) | Yes (3) | No (2) | 3.0 | 2 | **strong disagreement (2 steps apart)** |
| SLO design | — | — | No (2) | 2.0 | 0 |  |
| Coaching | Yes (3) | — | — | 3.0 | 0 |  |
| Cost awareness | — | — | — | — | — | not covered by this loop; no interview focuses on it |

## Who said what

### Ann — Incident simulation

- **Interview:** `sim`, 2026-11-23
- **Recommendation:** Yes (3)
- **Take-aways:**

  > Clear commander.
  > Ask references about delegation.

| Dimension | Rating | Notes |
| --- | --- | --- |
| Incident response | Strong yes (4) | Took command \\| set roles. |

### Cy — Incident simulation

- **Interview:** `sim`, 2026-11-23
- **Recommendation:** Strong yes (4)
- **Take-aways:**

  > Would hire.

| Dimension | Rating | Notes |
| --- | --- | --- |
| Coaching | not rated | No signal. |

### Bob — SLO design

- **Interview:** `design`, 2026-11-23
- **Recommendation:** No (2)
- **Take-aways:**

  > Not yet.

| Dimension | Rating | Notes |
| --- | --- | --- |
| SLO design | No (2) | No burn-rate alerts. |

## Summary

| Recommendation | Count |
| --- | --: |
| Strong no | 0 |
| No | 1 |
| Yes | 1 |
| Strong yes | 1 |
| none given | 0 |

- **Interviews:** 3
- **Mean recommendation:** 3.0 (midpoint 2.5)
- **Flagged dimensions:** 1 dimension with strong disagreement
- **Not covered by this loop:** 1
- **Verdict:** Mixed: 1 dimension with strong disagreement and recommendations 2 steps apart — discuss before deciding
"
    );
}

#[test]
fn the_json_output_is_pinned() {
    let book = tiny_loop();
    let run = debrief(
        &book,
        &["--format", "json"],
        &["ann.json", "bob.json", "cy.json"],
    );
    run.assert_code(0);
    let version = book_version(&book);
    let step =
        |id: &str, label: &str, value: i64| json!({ "id": id, "label": label, "value": value });
    let rating = |r: Option<Value>, notes: Option<&str>| json!({ "rating": r, "notes": notes });
    let interviewer = |name: &str, id: &str, title: &str, rec: Value, takeaways: &str| {
        json!({
            "name": name, "file": format!("{}.json", name.to_lowercase()),
            "interview": { "id": id, "title": title }, "date": "2026-11-23",
            "recommendation": rec, "takeaways": takeaways,
        })
    };
    let tally = |id: &str, label: &str, value: i64, count: u64| json!({ "id": id, "label": label, "value": value, "count": count });
    assert_eq!(
        run.json(),
        json!({
            "format": "ladderbook.debrief/1",
            "book": { "title": "Tiny Ladder", "version": version },
            "scorecard": { "id": "loop", "title": "Tiny loop" },
            "candidate": "Sam Lee",
            "scale": [
                step("strong-no", "Strong no", 1), step("no", "No", 2),
                step("yes", "Yes", 3), step("strong-yes", "Strong yes", 4),
            ],
            "interviewers": [
                interviewer("Ann", "sim", "Incident simulation", step("yes", "Yes", 3),
                    "Clear commander.\nAsk references about delegation."),
                interviewer("Cy", "sim", "Incident simulation", step("strong-yes", "Strong yes", 4), "Would hire."),
                interviewer("Bob", "design", "SLO design", step("no", "No", 2), "Not yet."),
            ],
            "dimensions": [
                {
                    "competency": "incidents", "name": "Incident response",
                    "ratings": [
                        rating(Some(step("strong-yes", "Strong yes", 4)), Some("Took command | set roles.")),
                        rating(Some(step("yes", "Yes", 3)), None),
                        rating(Some(step("no", "No", 2)), None),
                    ],
                    "mean": 3.0, "spread": 2, "disagreement": true, "covered": true, "focused": true,
                },
                {
                    "competency": "slos", "name": "SLO design",
                    "ratings": [rating(None, None), rating(None, None),
                        rating(Some(step("no", "No", 2)), Some("No burn-rate alerts."))],
                    "mean": 2.0, "spread": 0, "disagreement": false, "covered": true, "focused": true,
                },
                {
                    "competency": "coaching", "name": "Coaching",
                    "ratings": [rating(Some(step("yes", "Yes", 3)), None),
                        rating(None, Some("No signal.")), rating(None, None)],
                    "mean": 3.0, "spread": 0, "disagreement": false, "covered": true, "focused": true,
                },
                {
                    "competency": "cost", "name": "Cost awareness",
                    "ratings": [rating(None, None), rating(None, None), rating(None, None)],
                    "mean": null, "spread": null, "disagreement": false, "covered": false, "focused": false,
                },
            ],
            "summary": {
                "interviews": 3,
                "recommendations": [
                    tally("strong-no", "Strong no", 1, 0), tally("no", "No", 2, 1),
                    tally("yes", "Yes", 3, 1), tally("strong-yes", "Strong yes", 4, 1),
                ],
                "no_recommendation": 0,
                "mean_recommendation": 3.0,
                "midpoint": 2.5,
                "recommendation_spread": 2,
                "flagged_dimensions": 1,
                "not_covered": 1,
                "verdict": {
                    "kind": "mixed",
                    "text": "Mixed: 1 dimension with strong disagreement and recommendations 2 steps apart — discuss before deciding",
                },
            },
            "notices": [],
        })
    );
}

#[test]
fn agreeing_interviewers_lean_one_way() {
    let book = tiny_loop();
    let run = debrief(&book, &[], &["ann.json", "cy.json"]);
    run.assert_code(0);
    assert!(run.stdout().ends_with(
        "  Verdict:             Leaning yes: the mean recommendation 3.5 is above the scale's midpoint 2.5\n"
    ));
}

#[test]
fn changes_to_the_ladder_since_a_file_was_filled_are_named() {
    let book = tiny_loop();
    // The ladder moves on: a text changes, a dimension goes, a focus is added.
    let changed = TINY_LOOP
        .replace("meets: Calm, explicit roles.", "meets: Calm, explicit roles and a steady cadence.")
        .replace(
            "  - competency: coaching\n    meets: Mentors one engineer.\n    exceeds: Grows leads.\n",
            "",
        )
        .replace("focus: [incidents, coaching]", "focus: [incidents, slos]");
    book.write("content/scorecards/loop.yaml", changed);
    let run = debrief(&book, &[], &["ann.json", "bob.json"]);
    run.assert_code(0);
    let out = run.stdout();
    let notices = &out[out.find("\nNotice").expect("a notice") + 1..out.find("\nRatings").unwrap()];
    let notices = regex_free_version(notices);
    assert_eq!(
        notices,
        "\
Notice: ann.json (Ann) was filled against version [OLD] of the ladder; this book is version [NEW].
  Incident response: changed since this scorecard was filled
    meets was: Calm, explicit roles.
    meets now: Calm, explicit roles and a steady cadence.
  coaching: removed from the scorecard; its rating is left out
  SLO design: added; the interview focuses on it now, this file has no rating for it

Notice: bob.json (Bob) was filled against version [OLD] of the ladder; this book is version [NEW].
  Incident response: changed since this scorecard was filled
    meets was: Calm, explicit roles.
    meets now: Calm, explicit roles and a steady cadence.
"
    );
    assert!(
        run.stderr()
            .contains("debrief: 2 files were filled against another version")
    );
    // The removed dimension's rating is left out; the rest still counts.
    assert!(!line_starting(&out, "Incident response").is_empty());
    assert!(!out.contains("\nCoaching "), "{out}");
}

/// The two 16-hex versions of a notice line as `[OLD]` and `[NEW]`.
fn regex_free_version(text: &str) -> String {
    text.lines()
        .map(|line| {
            let Some(rest) = line.split_once("against version ") else {
                return line.to_string();
            };
            let old = &rest.1[..16];
            let new_start = line.rfind("book is version ").unwrap() + "book is version ".len();
            let new = &line[new_start..new_start + 16];
            line.replace(old, "[OLD]").replace(new, "[NEW]")
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

// ---------------------------------------------------------------------------
// Issue 22: a scorecard counts once, and a byte order mark is fine.

#[test]
fn the_same_file_twice_is_refused_naming_both() {
    let book = tiny_loop();
    let run = debrief(&book, &[], &["ann.json", "bob.json", "ann.json"]);
    assert_problems(
        &run,
        &[
            "error[file-given-twice]: this file is given twice; it would be counted twice",
            "┌─ ann.json:1:1",
        ],
    );
    assert!(!run.stdout.contains("Interviews"), "{}", run.stdout);
}

#[test]
fn a_copy_under_another_name_is_refused_naming_both() {
    let book = tiny_loop();
    let ann = std::fs::read(book.root().join("ann.json")).unwrap();
    book.write("copy-of-ann.json", &ann);
    let run = debrief(&book, &[], &["ann.json", "bob.json", "copy-of-ann.json"]);
    assert_problems(
        &run,
        &[
            "error[file-given-twice]: this file has the same content as ann.json; it would be counted twice",
            "┌─ copy-of-ann.json:1:1",
        ],
    );
}

#[test]
fn one_interviewers_interview_in_two_files_is_refused_naming_both() {
    let book = tiny_loop();
    let version = book_version(&book);
    let edited = Card {
        takeaways: "Changed my mind.",
        recommendation: Some("no"),
        ..ANN
    };
    book.write("ann-again.json", card(&version, &edited));
    let run = debrief(&book, &[], &["ann.json", "ann-again.json", "bob.json"]);
    assert_problems(
        &run,
        &[
            "error[scorecard-twice]: `interviewer`: Ann already filled interview `sim` about “Sam Lee” in ann.json; a scorecard counts once",
            "┌─ ann-again.json:10:18",
        ],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let book = tiny_loop();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(book.root().join("bob.json")).unwrap());
    book.write("bob.json", &bytes);
    let with_bom = debrief(
        &book,
        &["--format", "json"],
        &["ann.json", "bob.json", "cy.json"],
    );
    with_bom.assert_code(0);
    assert_eq!(with_bom.json()["summary"]["interviews"], 3);
    // And its problems are still placed as an editor shows them.
    let broken = String::from_utf8(bytes)
        .unwrap()
        .replace("\"no\"", "\"nah\"");
    book.write("bob.json", broken);
    let run = debrief(&book, &[], &["bob.json"]);
    assert_problems(
        &run,
        &[
            "error[unknown-rating]: `ratings.incidents.rating`: `nah` is not a step",
            "┌─ bob.json:16:17",
        ],
    );
    // On the first line too: the snippet leaves the mark out, so the caret
    // stands under the value.
    book.write("bob.json", b"\xEF\xBB\xBF{\"format\": 1}\n");
    let run = debrief(&book, &[], &["bob.json"]);
    assert_problems(&run, &["1 │ {\"format\": 1}\n  │            ^\n"]);
}
