//! `ladderbook calibrate`: a generated quarter of loops on a small book of
//! our own, with one planted lenient interviewer and one planted dimension
//! that never varies, which every format must name; small numbers shown as
//! such; and the problems a set of files can have, as `debrief` reports them.

use serde_json::{Value, json};

use crate::support::{Run, TestBook};

const BOOK: &[(&str, &str)] = &[
    ("book.toml", "[book]\ntitle = \"Calibration Ladder\"\n"),
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
    (
        "content/competencies/writing.yaml",
        "name: Writing\narea: People\nexpectations:\n  l1: Writes clearly.\n",
    ),
    (
        "content/scorecards/loop.yaml",
        "title: Engineer loop
levels: [l1]
dimensions:
  - { competency: incidents }
  - { competency: slos }
  - { competency: coaching }
  - { competency: cost }
interviews:
  - { id: sim, title: Incident simulation, focus: [incidents, coaching] }
  - { id: design, title: SLO design, focus: [slos, cost] }
  - { id: chat, title: Values chat, focus: [coaching] }
",
    ),
];

const STEPS: [&str; 4] = ["strong-no", "no", "yes", "strong-yes"];
const PANEL: [&str; 6] = ["Ann", "Bob", "Cy", "Dee", "Eve", "Lenny"];
const DIMENSIONS: [&str; 4] = ["incidents", "slos", "coaching", "cost"];

/// A small deterministic generator (xorshift), so every run sees the same loops.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn book() -> TestBook {
    BOOK.iter()
        .fold(TestBook::empty(), |b, (p, t)| b.with(p, t))
}

fn version(book: &TestBook) -> String {
    let export = book.run(&["export", ".", "--format", "json"]);
    export.assert_code(0);
    export.json()["version"].as_str().unwrap().to_string()
}

/// `loops` loops under `loops/cNN/`: four scorecards each (two incident
/// simulations, the design and the chat) by four of the six interviewers.
/// Each candidate has a true step (0–2); a rating is that step plus noise of
/// at most one step. Lenny rates one step higher than the truth every time;
/// `cost` is "yes" whatever the candidate. Every loop has a decision.
fn generate(book: &TestBook, loops: usize) {
    let version = version(book);
    let mut random = Random(0x5eed_1234_abcd_0001);
    for l in 0..loops {
        let truth = random.below(3) as i64;
        let start = random.below(6) as usize;
        let panel: Vec<&str> = (0..4).map(|i| PANEL[(start + i) % 6]).collect();
        let mut recommendations = 0;
        for (i, (who, interview)) in panel
            .iter()
            .zip(["sim", "sim", "design", "chat"])
            .enumerate()
        {
            let lenient = i64::from(*who == "Lenny");
            let mut ratings = serde_json::Map::new();
            for dimension in DIMENSIONS {
                let noise = [-1, 0, 0, 0, 0, 0, 0, 0, 0, 1][random.below(10) as usize];
                let step = if dimension == "cost" {
                    2
                } else {
                    (truth + noise * (1 - lenient) + lenient).clamp(0, 3) as usize
                };
                ratings.insert(
                    dimension.into(),
                    json!({ "rating": STEPS[step], "notes": null }),
                );
            }
            let recommendation = (truth + lenient).clamp(0, 3) as usize;
            recommendations += recommendation;
            let file = json!({
                "format": "ladderbook.scorecard/1",
                "book": { "title": "Calibration Ladder", "version": version },
                "scorecard": "loop",
                "interview": interview,
                "candidate": format!("Candidate {l:02}"),
                "interviewer": who,
                "date": "2026-11-02",
                "ratings": ratings,
                "takeaways": null,
                "recommendation": STEPS[recommendation],
            });
            book.write(
                &format!("loops/c{l:02}/{}-{i}.json", who.to_lowercase()),
                file.to_string(),
            );
        }
        let decision = if recommendations >= 6 {
            "hire"
        } else {
            "no-hire"
        };
        book.write(
            &format!("loops/c{l:02}/decision.json"),
            json!({ "format": "ladderbook.decision/1", "decision": decision }).to_string(),
        );
    }
}

fn calibrate(book: &TestBook, extra: &[&str], paths: &[&str]) -> Run {
    let mut args = vec!["calibrate"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    book.run(&args)
}

fn interviewer<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("no interviewer {name}"))
}

fn dimension<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["scorecards"][0]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["competency"] == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
}

#[test]
fn the_planted_lenient_interviewer_and_flat_dimension_are_named() {
    let book = book();
    generate(&book, 40);
    let run = calibrate(&book, &["--format", "json"], &["loops"]);
    run.assert_code(0);
    let report = run.json();
    assert_eq!(report["format"], "ladderbook.calibration/1");
    assert_eq!(report["book"]["version"], version(&book).as_str());
    assert_eq!(report["summary"]["loops"], 40);
    assert_eq!(report["summary"]["files"], 160);
    assert_eq!(report["summary"]["decided"], 40);
    let kinds: Vec<(&str, &str)> = report["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap(),
                i["judgement"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("Ann", "in-line"),
            ("Bob", "in-line"),
            ("Cy", "in-line"),
            ("Dee", "in-line"),
            ("Eve", "in-line"),
            ("Lenny", "higher"),
        ]
    );
    let lenny = interviewer(&report, "Lenny");
    let offset = lenny["offset"]["mean"].as_f64().unwrap();
    assert!(offset > 0.6, "{offset}");
    assert!(lenny["offset"]["low"].as_f64().unwrap() > 0.0);
    assert_eq!(
        dimension(&report, "cost")["judgement"]["kind"],
        "never-varies"
    );
    assert_eq!(dimension(&report, "cost")["alpha"], Value::Null);
    assert_eq!(
        dimension(&report, "cost")["distribution"],
        json!([0, 0, 160, 0])
    );
    for id in ["incidents", "slos", "coaching"] {
        let d = dimension(&report, id);
        assert_ne!(d["judgement"]["kind"], "never-varies", "{id}");
        assert!(d["alpha"].as_f64().unwrap() > 0.3, "{id}: {d}");
        assert!(
            d["decision"]["difference"].as_f64().unwrap() > 0.5,
            "{id} moves with the decision"
        );
    }
    let findings: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["text"].as_str().unwrap()))
        .collect();
    assert!(
        findings.iter().any(|(k, t)| *k == "lenient-interviewer"
            && t.starts_with("Lenny rates higher than the panel")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|(k, t)| *k == "never-varies"
                && t.starts_with("Cost awareness (loop): never varies")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|(k, t)| *k == "not-rated" && t.contains("Writing")),
        "{findings:?}"
    );
    let flagged: Vec<&str> = findings
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != "not-rated")
        .collect();
    assert_eq!(
        flagged,
        ["lenient-interviewer", "never-varies"],
        "nothing else is flagged"
    );

    // Text and Markdown name them too.
    let text = calibrate(&book, &[], &["loops"]);
    text.assert_code(0);
    let out = text.stdout();
    assert!(
        out.starts_with(
            "Calibration of 40 loops (160 scorecards, 6 interviewers; 40 with a decision)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  ! Lenny rates higher than the panel: +"),
        "{out}"
    );
    assert!(out.contains("  ! Cost awareness (loop): never varies: all 160 ratings are “Yes”, so it separates no candidates"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour when NO_COLOR is set or stdout is not a terminal"
    );
    let markdown = calibrate(&book, &["--format", "markdown"], &["loops"]).stdout();
    assert!(
        markdown.contains("\n- Lenny rates higher than the panel: +"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Cost awareness | 0 / 0 / 160 / 0 | 160 of 160 | — |"),
        "{markdown}"
    );
}

#[test]
fn the_html_report_is_one_self_contained_page_with_charts() {
    let book = book();
    generate(&book, 12);
    let run = calibrate(&book, &["--format", "html"], &["loops"]);
    run.assert_code(0);
    let page = run.stdout();
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert_eq!(
        page.matches("<svg class=\"chart\"").count(),
        2,
        "offsets and distributions"
    );
    assert!(page.contains("<title>Interviewer offsets from their panels</title>"));
    assert!(
        page.contains("Lenny ⚑") || page.contains("class=\"mark flagged\""),
        "Lenny is marked"
    );
    assert!(page.contains("Cost awareness ⚑"));
    for outside in ["<script", "<link", " src=", "http://", "https://"] {
        let allowed = outside == "http://"
            && page.matches(outside).count()
                == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
        assert!(
            allowed || !page.contains(outside),
            "{outside} in a self-contained page"
        );
    }
}

#[test]
fn few_loops_are_shown_but_not_judged() {
    let book = book();
    generate(&book, 3);
    let report = calibrate(&book, &["--format", "json"], &["loops"]).json();
    assert_eq!(report["summary"]["too_few"], true);
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["too-few-loops", "not-rated"]);
    assert_eq!(
        interviewer(&report, "Lenny")["judgement"]["kind"],
        "too-few"
    );
    let out = calibrate(&book, &[], &["loops"]).stdout();
    assert!(out.contains("! 3 loops: too few to judge"), "{out}");
}

#[test]
fn a_copy_of_a_scorecard_or_a_stray_decision_is_refused_with_every_problem() {
    let book = book();
    generate(&book, 5);
    let ann = std::fs::read_dir(book.root().join("loops/c00"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap() != "decision.json")
        .unwrap();
    let copy = std::fs::read(&ann).unwrap();
    book.write("loops/c04/copy.json", &copy);
    book.write(
        "loops/stray/decision.json",
        "\u{feff}{\"format\": \"ladderbook.decision/1\", \"decision\": \"hire\"}",
    );
    book.write(
        "loops/c01/again.json",
        "{\"format\": \"ladderbook.decision/1\", \"decision\": \"maybe\"}",
    );
    let run = calibrate(&book, &[], &["loops", "loops/c02"]);
    run.assert_code(1);
    let stderr = run.stderr();
    for expected in [
        "error[file-given-twice]: this file has the same content as loops/c00/",
        "┌─ loops/c04/copy.json:1:1",
        // A folder and a file inside it: every file of it is given twice.
        "error[file-given-twice]: this file is given twice; it would be counted twice\n  ┌─ loops/c02/decision.json:1:1",
        "error[decision-without-loop]: `decision`: no scorecard given sits in the same folder",
        // After the byte order mark, as an editor counts.
        "┌─ loops/stray/decision.json:1:49",
        "error[unknown-decision]: `decision`: `maybe` is not a decision",
        "calibrate: 8 problems in the files; nothing reported",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(run.stdout.is_empty());
}

#[test]
fn an_unreadable_path_is_a_failure_of_the_tool() {
    let book = book();
    let run = calibrate(&book, &[], &["missing.json"]);
    run.assert_code(2);
    assert!(
        run.stderr().contains("error: cannot read `missing.json`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_from_another_ladder_version_counts_with_a_notice() {
    let book = book();
    generate(&book, 5);
    let path = book.root().join("loops/c03");
    let file = std::fs::read_dir(&path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap() != "decision.json")
        .unwrap();
    let mut value: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    value["book"]["version"] = json!("0000000000000000");
    std::fs::write(&file, value.to_string()).unwrap();
    let run = calibrate(&book, &[], &["loops"]);
    run.assert_code(0);
    assert!(
        run.stdout()
            .contains("\n1 file filled against another version of the ladder"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stdout()
            .contains("(version 0000000000000000): the dimensions it rated are unchanged"),
        "{}",
        run.stdout()
    );
    assert!(run.stderr().contains(
        "calibrate: 1 file filled against another version of the ladder; see the notices"
    ));
    let report = calibrate(&book, &["--format", "json"], &["loops"]).json();
    assert_eq!(
        report["summary"]["files"], 20,
        "the stale file still counts"
    );
    assert_eq!(report["notices"].as_array().unwrap().len(), 1);
}

#[test]
fn a_folder_without_json_files_is_a_usage_error() {
    let book = book().with("empty/notes.txt", "not a scorecard");
    let run = calibrate(&book, &[], &["empty"]);
    run.assert_code(2);
    assert!(
        run.stderr().contains("error: no .json files below `empty`"),
        "{}",
        run.stderr()
    );
}

/// A scorecard for the loop of “Sam Lee” by `who`, written out in full so
/// the snippets of the pinned report stay short.
fn sam(version: &str, who: &str, interview: &str, cost: &str) -> String {
    format!(
        "{{\n  \"format\": \"ladderbook.scorecard/1\",\n  \"book\": {{ \"title\": \"Calibration Ladder\", \"version\": \"{version}\" }},\n  \"scorecard\": \"loop\",\n  \"interview\": \"{interview}\",\n  \"candidate\": \"Sam Lee\",\n  \"interviewer\": \"{who}\",\n  \"ratings\": {{ \"cost\": {{ \"rating\": \"{cost}\" }} }},\n  \"recommendation\": \"yes\"\n}}\n"
    )
}

#[test]
fn every_new_problem_is_pinned() {
    let book = book();
    let v = version(&book);
    book.write("a.json", sam(&v, "Ann", "sim", "yes"));
    book.write("b.json", sam(&v, "ann", "sim", "no"));
    book.write("c.json", sam(&v, "Bob", "design", "yes"));
    book.write("d1.json", "{ \"format\": \"ladderbook.decision/1\", \"candidate\": \"Sam Lee\", \"decision\": \"hire\" }\n");
    book.write("d2.json", "{ \"format\": \"ladderbook.decision/1\", \"candidate\": \"sam lee\", \"decision\": \"no-hire\" }\n");
    book.write("d3.json", "{ \"format\": \"ladderbook.decision/1\", \"candidate\": \"Nobody\", \"decision\": \"hire\" }\n");
    book.write(
        "d4.json",
        "{ \"format\": \"ladderbook.decision/1\", \"decision\": \"maybe\" }\n",
    );
    let run = calibrate(
        &book,
        &[],
        &[
            "a.json", "b.json", "c.json", "./c.json", "d1.json", "d2.json", "d3.json", "d4.json",
        ],
    );
    run.assert_code(1);
    insta::assert_snapshot!("calibrate_problems", run.stderr());
}
