//! `ladderbook team`: the fixture team of tests/fixtures/team/review/ (made
//! against the bundled book) in every format, and every problem a set of
//! assessment files can have, all at once, with key paths and positions.

use serde_json::Value;

use crate::support::{TestBook, fixtures_dir};

const FILES: [&str; 5] = [
    "ana-lima-manager.json",
    "ana-lima-self.json",
    "ben-okafor-manager.json",
    "chloe-martin-self.json",
    "dev-rao-manager.json",
];

/// The bundled book with the fixture team's files under `review/`.
fn team_book() -> TestBook {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    for name in FILES {
        let text = std::fs::read(fixtures_dir().join("team/review").join(name)).unwrap();
        book.write(&format!("review/{name}"), text);
    }
    book
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("team/review").join(name)).unwrap()
}

#[test]
fn the_json_report_has_every_section_with_the_fixture_teams_answers() {
    let book = team_book();
    let run = book.run(&["team", "--format", "json", "review"]);
    run.assert_code(0);
    let json: Value = run.json();
    assert_eq!(json["format"], "ladderbook.team/1");
    let people: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        people,
        ["Ana Lima", "Ben Okafor", "Chloe Martin", "Dev Rao"]
    );
    // Ana has both views: the manager's is the team's.
    assert_eq!(json["people"][0]["perspective"], "manager");
    assert_eq!(json["people"][0]["file"], "review/ana-lima-manager.json");
    let coverage = json["coverage"].as_array().unwrap();
    let influence = coverage
        .iter()
        .find(|c| c["competency"] == "influence")
        .unwrap();
    assert_eq!(influence["holders"], serde_json::json!(["Ben Okafor"]));
    assert_eq!(influence["single_point_of_failure"], true);
    assert_eq!(
        influence["could_grow"],
        serde_json::json!(["Ana Lima", "Chloe Martin"])
    );
    let architect = json["archetypes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["archetype"] == "infrastructure-architect")
        .unwrap();
    assert_eq!(
        architect["covered_by"],
        serde_json::json!(["Chloe Martin", "Dev Rao"])
    );
    // Dev's file rates his own level: no readiness row for him.
    let ready: Vec<&str> = json["readiness"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["person"].as_str().unwrap())
        .collect();
    assert_eq!(ready, ["Ben Okafor", "Chloe Martin", "Ana Lima"]);
    let ana = &json["disagreements"][0];
    assert_eq!(ana["person"], "Ana Lima");
    // The fixtures were exported before items were keyed by text (issue 25):
    // their positional keys are read, and the report gives today's key.
    assert_eq!(ana["apart"][0]["key"], "coaching@sre-3:fcdae35f");
    assert_eq!(ana["apart"][0]["self"], "consistently");
    assert_eq!(ana["apart"][0]["manager"], "not-yet");
    assert_eq!(json["notices"], serde_json::json!([]));
}

#[test]
fn text_markdown_and_html_show_the_same_findings() {
    let book = team_book();
    let text = book.run(&["team", "review"]);
    text.assert_code(0);
    let out = text.stdout();
    assert!(
        out.contains("4 people · 6 single points of failure"),
        "{out}"
    );
    assert!(out.contains("Influence without authority"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour with NO_COLOR");
    let markdown = book.run(&["team", "--format", "markdown", "review"]);
    markdown.assert_code(0);
    let md = markdown.stdout();
    assert!(md.starts_with("# Team review"), "{md}");
    assert!(
        md.contains(
            "| Influence without authority | Ben Okafor | 4 | yes | Ana Lima, Chloe Martin |"
        ),
        "{md}"
    );
    let html = book.run(&["team", "--out", "team.html", "review"]);
    html.assert_code(0);
    assert_eq!(html.stdout(), "");
    let page = std::fs::read_to_string(book.root().join("team.html")).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<svg class=\"chart\""), "an inline heatmap");
    assert!(page.contains("Influence without authority"));
    assert!(!page.contains("<script") && !page.contains(" src=") && !page.contains("<link"));
}

#[test]
fn every_problem_of_every_file_is_reported_at_once() {
    let book = team_book()
        .with("bad/a.json", "{\"format\": \"ladderbook.assessment/1\", \"book\": {\"version\": \"x\"},\n \"level\": \"sre-9\", \"ratings\": {}}")
        .with(
            "bad/b.json",
            "{\"format\": \"ladderbook.assessment/1\", \"book\": {},\n \"level\": \"sre-2\", \"perspective\": \"peer\",\n \"ratings\": {\"coaching:0\": {\"rating\": \"great\"}}}",
        )
        .with("bad/c.json", "{\"format\": \"ladderbook.scorecard/1\"}")
        .with("bad/d.json", "not json");
    let run = book.run(&["team", "bad"]);
    run.assert_code(1);
    let err = one_line_each(&run.stderr());
    for expected in [
        "bad/a.json:2:11: error[unknown-level]: `level`: this book has no level `sre-9`",
        "bad/b.json:1:47: error[missing-field]: `book.version`",
        "bad/b.json:2:35: error[unknown-perspective]",
        "bad/b.json:3:14: error[unknown-expectation]: `ratings.coaching:0`: level `sre-2` has no expectation `coaching:0`",
        "bad/c.json:1:12: error[wrong-format]: `format`: this is an interview scorecard",
        "bad/d.json:1:2: error[not-json]",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(
        run.stderr()
            .contains("team: 6 problems in the files; nothing reported")
    );
    assert_eq!(run.stdout(), "");
}

/// The printer's diagnostics as `file:line:col: error[code]: message`.
fn one_line_each(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("error[") {
            let at = lines
                .get(i + 1)
                .and_then(|l| l.split("┌─ ").nth(1))
                .unwrap_or("?");
            out.push_str(&format!("{at}: {line}\n"));
        }
    }
    out
}

#[test]
fn two_files_by_one_assessor_about_one_person_name_both() {
    let book = team_book().with(
        "review/copy.json",
        fixture_text("dev-rao-manager.json").replace("2026-11-20", "2026-11-21"),
    );
    let run = book.run(&["team", "review"]);
    run.assert_code(1);
    let err = one_line_each(&run.stderr());
    assert!(
        err.contains("review/dev-rao-manager.json:") && err.contains("error[assessment-twice]: `person`: Dev Rao already has an assessment by Sam Park in review/copy.json"),
        "{err}"
    );
}

#[test]
fn an_unreadable_file_exits_2() {
    let book = team_book();
    let run = book.run(&["team", "review/missing.json"]);
    run.assert_code(2);
    assert!(
        run.stderr().contains("cannot read `review/missing.json`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_made_against_another_version_gets_a_notice() {
    let book = team_book();
    let version = serde_json::from_str::<Value>(&fixture_text("dev-rao-manager.json")).unwrap()["book"]["version"]
        .as_str()
        .unwrap()
        .to_string();
    let old = fixture_text("dev-rao-manager.json")
        .replace(&version, "0000000000000000")
        .replace(
            "\"ratings\": {",
            "\"ratings\": {\n    \"toil:0\": {\"rating\": \"partly\"},",
        );
    book.write("review/dev-rao-manager.json", old);
    let run = book.run(&["team", "--format", "json", "review"]);
    run.assert_code(0);
    let json = run.json();
    assert_eq!(json["notices"][0]["file"], "review/dev-rao-manager.json");
    assert_eq!(json["notices"][0]["removed"], serde_json::json!(["toil:0"]));
    assert!(
        run.stderr()
            .contains("1 file made against another version of the ladder")
    );
}
