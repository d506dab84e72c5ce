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

/// (person, level id rated against, expectations not in the file) of a report.
fn rated_against(json: &Value) -> Vec<(String, String, u64)> {
    json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["rated_against"]["id"].as_str().unwrap().to_string(),
                p["not_in_file"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn coverage_of<'a>(json: &'a Value, competency: &str) -> &'a Value {
    json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == competency)
        .unwrap()
}

#[test]
fn by_default_each_person_is_rated_against_their_current_level_where_their_file_covers_it() {
    // Ana's and Ben's manager files rate L3 and carry the page's foundation
    // (L2, their current level); Chloe's rates L4 with L3, her current one;
    // Dev's rates his current L3.
    let book = team_book();
    let run = book.run(&["team", "--format", "json", "review"]);
    run.assert_code(0);
    let json: Value = run.json();
    assert_eq!(
        json["rated_against"],
        serde_json::json!({"rule": "current-level", "level": null})
    );
    let expected = [
        ("Ana Lima", "sre-2", 0),
        ("Ben Okafor", "sre-2", 0),
        ("Chloe Martin", "sre-3", 0),
        ("Dev Rao", "sre-3", 0),
    ];
    let expected: Vec<(String, String, u64)> = expected
        .iter()
        .map(|(n, l, m)| (n.to_string(), l.to_string(), *m))
        .collect();
    assert_eq!(rated_against(&json), expected);
    // At their own levels Ana and Ben both hold influence (L2 has one
    // expectation of it, which both managers rate consistently).
    let influence = coverage_of(&json, "influence");
    assert_eq!(
        influence["holders"],
        serde_json::json!(["Ana Lima", "Ben Okafor"])
    );
    assert_eq!(influence["single_point_of_failure"], false);
    // Coaching: L2 does not expect it, so only Chloe's and Dev's count.
    assert_eq!(coverage_of(&json, "coaching")["assessed"], 2);
    // Readiness stays about the level each file rates.
    assert_eq!(json["readiness"][0]["level"]["id"], "sre-3");
}

#[test]
fn a_level_forced_on_a_file_that_lacks_it_counts_what_is_missing() {
    // L4 (27 expectations): only Chloe's file rates it; the others' files
    // hold none of its expectations.
    let book = team_book();
    let run = book.run(&["team", "--format", "json", "--level", "sre-4", "review"]);
    run.assert_code(0);
    let json: Value = run.json();
    assert_eq!(json["rated_against"]["rule"], "level");
    assert_eq!(json["rated_against"]["level"]["id"], "sre-4");
    let missing: Vec<u64> = rated_against(&json).iter().map(|r| r.2).collect();
    assert_eq!(missing, [27, 27, 0, 27]);
    let text = book.run(&["team", "--level", "sre-4", "review"]);
    assert!(
        text.stdout()
            .contains("Ana Lima L4 · Staff Site Reliability Engineer (27 of its expectations not in the file, counted as not yet)"),
        "{}",
        text.stdout()
    );
}

#[test]
fn an_unknown_level_is_one_line_naming_the_closest_exit_2() {
    let book = team_book();
    let run = book.run(&["team", "--level", "SRE-3", "review"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr.trim(),
        "error: --level SRE-3: this book has no level `SRE-3`; did you mean `sre-3`? Level ids are lowercase"
    );
    let run = book.run(&["team", "--level", "sre-33", "review"]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: --level sre-33: this book has no level `sre-33`; did you mean `sre-3`? Its levels are `sre-1`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout(), "");
}

#[test]
fn the_json_report_has_every_section_with_the_fixture_teams_answers() {
    // At the level the team needs, L3, for everyone.
    let book = team_book();
    let run = book.run(&["team", "--format", "json", "--level", "sre-3", "review"]);
    run.assert_code(0);
    let json: Value = run.json();
    assert_eq!(json["format"], "ladderbook.team/1");
    assert_eq!(json["rated_against"]["level"]["id"], "sre-3");
    let missing: Vec<u64> = rated_against(&json).iter().map(|r| r.2).collect();
    assert_eq!(missing, [0, 0, 0, 0], "Chloe's foundation is L3");
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
        serde_json::json!(["Chloe Martin", "Ana Lima"])
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
    let text = book.run(&["team", "--level", "sre-3", "review"]);
    text.assert_code(0);
    let out = text.stdout();
    assert!(
        out.contains("4 people · 5 single points of failure"),
        "{out}"
    );
    assert!(out.contains("Influence without authority"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour with NO_COLOR");
    let rule = "Everyone is rated against L3 · Senior Site Reliability Engineer (--level sre-3), the level the team needs.";
    assert!(out.contains(rule), "{out}");
    let markdown = book.run(&["team", "--format", "markdown", "--level", "sre-3", "review"]);
    markdown.assert_code(0);
    let md = markdown.stdout();
    assert!(md.starts_with("# Team review"), "{md}");
    assert!(md.contains(rule), "{md}");
    assert!(
        md.contains("| Competency | Ana Lima (L3 · Senior Site Reliability Engineer) |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| Influence without authority | Ben Okafor | 4 | yes | Chloe Martin, Ana Lima |"
        ),
        "{md}"
    );
    let html = book.run(&["team", "--out", "team.html", "--level", "sre-3", "review"]);
    html.assert_code(0);
    assert_eq!(html.stdout(), "");
    let page = std::fs::read_to_string(book.root().join("team.html")).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<svg class=\"chart\""), "an inline heatmap");
    assert!(page.contains("Influence without authority"));
    assert!(page.contains(rule), "{page}");
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
