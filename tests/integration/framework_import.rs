//! `import --from progression-framework` (issue 26): a Monzo-style
//! framework file becomes one track with cumulative levels, its topics'
//! criteria and examples in order, level sections as narratives and the
//! rest of the body as a guide; bad files are reported all at once with
//! positions, and nothing is written.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::TestBook;

const FRAMEWORK: &str = r#"---
path: "/engineering/backend"
title: "🖥 Backend Engineering"
levels: 3
topics:
  - name: "impact"
    title: "🚀 Impact"
    content:
      - level: 1
        criteria:
          - "Delivers assigned tasks"
      - level: 3
        criteria:
          - "Owns a service"
        exampleCriteria:
          - criteria: "Leads incidents"
            examples:
              - "Ran the March outage call"
              - "Wrote the postmortem"
  - name: "communication"
    content:
      - level: 2
        criteria:
          - "Gives feedback"
          - "Writes design docs"
---
### How to read this

Levels add up.

## Level 2

Works without supervision.
"#;

fn import(
    files: &[(&str, &[u8])],
    target: &str,
    extra: &[&str],
) -> (TestBook, crate::support::Run) {
    let book = TestBook::empty();
    let dir = book.root().join("../frameworks");
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let mut args = vec!["import", "--from", "progression-framework", target, "."];
    args.extend_from_slice(extra);
    let run = book.run(&args);
    (book, run)
}

/// (text, examples) of each item a level introduces for a competency.
fn own_items(json: &Value, competency: &str, level: &str) -> Vec<(String, Vec<String>)> {
    let c = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == competency)
        .unwrap();
    let Some(entry) = c["expectations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["level"] == level)
    else {
        return Vec::new();
    };
    let texts = |v: &Value| {
        v.as_array().map_or(Vec::new(), |a| {
            a.iter()
                .map(|e| e["text"].as_str().unwrap().to_string())
                .collect()
        })
    };
    entry["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["introduced_at"] == level)
        .map(|i| {
            (
                i["text"].as_str().unwrap().to_string(),
                texts(&i["examples"]),
            )
        })
        .collect()
}

#[test]
fn a_framework_file_becomes_a_cumulative_track_field_by_field() {
    let (book, run) = import(
        &[("engineering/backend.md", FRAMEWORK.as_bytes())],
        "../frameworks/engineering/backend.md",
        &[],
    );
    run.assert_code(0);
    assert!(
        run.stderr.contains("front matter not imported: path"),
        "{}",
        run.stderr
    );
    let json = book.exported_ladder();
    let tracks = &json["tracks"];
    assert_eq!(tracks[0]["id"], "backend");
    assert_eq!(tracks[0]["name"], "Backend Engineering");
    let levels: Vec<(&str, &str, &str, i64)> = json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap(),
                l["title"].as_str().unwrap(),
                l["code"].as_str().unwrap(),
                l["rank"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("backend-1", "Level 1", "L1", 1),
            ("backend-2", "Level 2", "L2", 2),
            ("backend-3", "Level 3", "L3", 3)
        ]
    );
    let competencies: Vec<(&str, &str)> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        competencies,
        [("impact", "Impact"), ("communication", "Communication")]
    );
    assert_eq!(
        own_items(&json, "impact", "backend-1"),
        [("Delivers assigned tasks".to_string(), vec![])]
    );
    assert_eq!(
        own_items(&json, "impact", "backend-3"),
        [
            ("Owns a service".to_string(), vec![]),
            (
                "Leads incidents".to_string(),
                vec![
                    "Ran the March outage call".to_string(),
                    "Wrote the postmortem".to_string()
                ]
            ),
        ]
    );
    assert_eq!(own_items(&json, "communication", "backend-2").len(), 2);
    // Cumulative: level 3 still expects level 1's item.
    let impact = json["competencies"][0]["expectations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["level"] == "backend-3")
        .unwrap();
    assert_eq!(impact["items"].as_array().unwrap().len(), 3);
    let level_2 = std::fs::read_to_string(book.root().join("content/levels/backend-2.md")).unwrap();
    assert!(
        level_2.ends_with("---\nWorks without supervision.\n"),
        "{level_2}"
    );
    let guide = std::fs::read_to_string(book.root().join("content/pages/backend.md")).unwrap();
    assert!(guide.contains("Levels add up."), "{guide}");
    assert!(!guide.contains("Works without supervision"), "{guide}");
}

#[test]
fn bad_framework_files_are_reported_at_once_and_nothing_is_written() {
    let bad = "---\nlevels: 2\ntopics:\n  - title: \"No name\"\n  - name: ok\n    content:\n      - level: x\n        criteria: [a]\n---\n";
    let (book, run) = import(
        &[
            ("a.md", bad.as_bytes()),
            ("b.md", b"---\ntopics: [\n---\n"),
            ("c.md", b"---\ntitle: \xFF\n---\n"),
        ],
        "../frameworks",
        &[],
    );
    run.assert_code(1);
    for expected in [
        "a.md:4:5",
        "error[empty-field]: this topic has no `name`",
        "a.md:7:9",
        "b.md:",
        "invalid YAML",
        "not valid UTF-8",
        "import: nothing written",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected} in {}",
            run.stderr
        );
    }
    assert!(std::fs::read_dir(book.root()).unwrap().next().is_none());
}

fn monzo() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/ladders/monzo-progression-framework/frameworks");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

#[test]
fn the_monzo_data_framework_imports_every_criterion_and_builds_clean() {
    let Some(dir) = monzo() else { return };
    let book = TestBook::empty();
    let file = dir.join("engineering/data.md");
    let run = book.run(&[
        "import",
        "--from",
        "progression-framework",
        file.to_str().unwrap(),
        ".",
    ]);
    run.assert_code(0);
    let json = book.exported_ladder();
    let ids: Vec<&str> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "communication",
            "impact",
            "leadership",
            "influence",
            "mastery",
            "mastery-science",
            "mastery-analytics"
        ]
    );
    assert_eq!(json["levels"].as_array().unwrap().len(), 6);
    let items: Vec<&Value> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["expectations"].as_array().unwrap().iter())
        .flat_map(|e| {
            e["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(move |i| i["introduced_at"] == e["level"])
        })
        .collect();
    assert_eq!(items.len(), 141);
    let with_examples: Vec<usize> = items
        .iter()
        .filter_map(|i| i["examples"].as_array().map(Vec::len))
        .filter(|n| *n > 0)
        .collect();
    assert_eq!(
        (with_examples.len(), with_examples.iter().sum::<usize>()),
        (29, 33)
    );
    book.run(&["build", "."]).assert_code(0);
}

#[test]
fn every_monzo_framework_file_imports_without_an_error() {
    let Some(dir) = monzo() else { return };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 17, "{files:?}");
    for file in files.iter().chain([&dir]) {
        let book = TestBook::empty();
        let run = book.run(&[
            "import",
            "--from",
            "progression-framework",
            file.to_str().unwrap(),
            ".",
        ]);
        assert_eq!(run.code, Some(0), "{}: {}", file.display(), run.stderr);
    }
}
