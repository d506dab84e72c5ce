//! Dropbox's SRE career framework (../shared/ladders/dropbox-sre/, issue
//! 25), rewritten in a temp folder as its owners wrote it: the "Level
//! Expectations" as level-wide aspects, Culture Leader ended after IC4,
//! the eight "do not go up beyond" sentences as notes. Every figure is
//! computed from the transcription's `source.json`, not from the book.

use std::path::Path;

use serde_json::Value;

use crate::support::{TestBook, main_of, read_site};

/// The owners' notes: criteria that say a group stops growing.
fn is_note(text: &str) -> bool {
    text.starts_with("The expectations for ") && text.contains(" beyond L")
}

/// A source group's competency, by lower-cased name: IC1's merged group
/// is filed under Agility (SOURCE.md, "Changes the format forced").
fn competency_key(group: &str) -> String {
    match group.to_lowercase().as_str() {
        "agility / innovation" => "agility".into(),
        other => other.into(),
    }
}

/// `md` of each item of a source group.
fn texts(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["md"].as_str().unwrap().to_string())
        .collect()
}

/// A competency file with its note sentences made notes: `{ note }` alone
/// where the cell holds only the note, `{ note, items }` where it holds
/// more. Every item of the transcription is one line `    - "..."`.
fn with_notes(yaml: &str) -> String {
    let mut out = String::new();
    let mut cell: Vec<&str> = Vec::new();
    let flush = |cell: &mut Vec<&str>, out: &mut String| {
        let unquoted = |line: &str| -> String {
            serde_json::from_str(line.trim_start().trim_start_matches("- ")).unwrap()
        };
        let (notes, items): (Vec<&str>, Vec<&str>) =
            cell.drain(..).partition(|line| is_note(&unquoted(line)));
        match notes[..] {
            [] => items
                .iter()
                .for_each(|line| out.push_str(&format!("{line}\n"))),
            [note] => {
                out.push_str(&format!(
                    "    note: {}\n",
                    note.trim_start().trim_start_matches("- ")
                ));
                if !items.is_empty() {
                    out.push_str("    items:\n");
                    for line in items {
                        out.push_str(&format!("  {line}\n"));
                    }
                }
            }
            _ => panic!("one note per cell: {notes:?}"),
        }
    };
    for line in yaml.lines() {
        if line.starts_with("    - ") {
            cell.push(line);
            continue;
        }
        flush(&mut cell, &mut out);
        out.push_str(line);
        out.push('\n');
    }
    flush(&mut cell, &mut out);
    out
}

/// A level file with its Level Expectations moved from the prose to
/// `expectations:` by aspect id.
fn with_aspects(markdown: &str, level: &Value) -> String {
    let mut front = String::from("expectations:\n");
    for aspect in level["level_expectations"].as_array().unwrap() {
        let id = aspect["name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .replace(' ', "-");
        front.push_str(&format!("  {id}:\n"));
        for text in texts(&aspect["items"]) {
            front.push_str(&format!(
                "    - {}\n",
                serde_json::to_string(&text).unwrap()
            ));
        }
    }
    // The front matter's closing `---` line.
    let close = markdown[3..].find("\n---\n").unwrap() + 3;
    let (head, body) = (&markdown[..=close], &markdown[close + 5..]);
    // The prose from `## Scope` to the first heading of another section.
    let start = body.find("## Scope\n").expect("a Scope section");
    let stop = body[start..]
        .match_indices("\n## ")
        .map(|(at, _)| start + at + 1)
        .find(|&at| {
            !body[at..].starts_with("## Collaborative Reach")
                && !body[at..].starts_with("## Impact Levers")
        })
        .unwrap_or(body.len());
    format!("{head}{front}---\n{}{}", &body[..start], &body[stop..])
}

/// The book's files rewritten in a temp folder, or `None` (with a message)
/// where ../shared is absent.
fn rewritten_book() -> Option<(TestBook, Value)> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ladders/dropbox-sre");
    if !source.join("book.toml").is_file() {
        eprintln!("skipped: {} is absent", source.display());
        return None;
    }
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(source.join("source.json")).unwrap())
            .unwrap();
    let book = TestBook::copy_of(&source, &["book.toml", "content"]);
    let root = book.root().to_path_buf();
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let config = read("book.toml").replace(
        "[ladder]\n",
        "[ladder]\naspects = [\"Scope\", \"Collaborative Reach\", \"Impact Levers\"]\n",
    );
    book.write("book.toml", config);
    for level in original["levels"].as_array().unwrap() {
        let path = format!("content/levels/{}.md", level["id"].as_str().unwrap());
        book.write(&path, with_aspects(&read(&path), level));
    }
    for entry in std::fs::read_dir(root.join("content/competencies")).unwrap() {
        let path = format!(
            "content/competencies/{}",
            entry.unwrap().file_name().to_string_lossy()
        );
        book.write(&path, with_notes(&read(&path)));
    }
    let culture = read("content/competencies/culture-leader.yaml");
    book.write(
        "content/competencies/culture-leader.yaml",
        culture + "  ic5: []\n",
    );
    Some((book, original))
}

/// The own entry (not carried over) of `entries` at `level`: its items'
/// text and its note.
fn own_entry(entries: &Value, level: &str) -> (Vec<String>, Option<String>) {
    let Some(entry) = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["level"] == level)
    else {
        return (Vec::new(), None);
    };
    let note = entry["note"]["text"].as_str().map(String::from);
    if !entry["carried_from"].is_null() {
        return (Vec::new(), note);
    }
    let items = entry["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect();
    (items, note)
}

/// How many items the checklist of each level holds, from the original:
/// its level expectations, each group's criteria but the notes, and where
/// a group holds only a note, the criteria it carries from below.
fn checklist_counts(original: &Value) -> Vec<usize> {
    let mut below: std::collections::HashMap<String, usize> = Default::default();
    let mut counts = Vec::new();
    for level in original["levels"].as_array().unwrap() {
        let mut count: usize = level["level_expectations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|aspect| aspect["items"].as_array().unwrap().len())
            .sum();
        for group in groups(level) {
            let criteria = texts(&group["items"])
                .iter()
                .filter(|t| !is_note(t))
                .count();
            let key = competency_key(group["name"].as_str().unwrap());
            if criteria > 0 {
                below.insert(key.clone(), criteria);
            }
            count += below.get(&key).copied().unwrap_or(0);
        }
        counts.push(count);
    }
    counts
}

fn groups(level: &Value) -> impl Iterator<Item = &Value> {
    level["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|area| area["groups"].as_array().unwrap())
}

/// The number of rated items in one level's checklist.
fn checklist_len(assess: &str, level: &str) -> usize {
    let start = assess
        .find(&format!("id=\"assess-{level}\""))
        .unwrap_or_else(|| panic!("a checklist for {level}"));
    let part = &assess[start..];
    part[..part.find("</details>").unwrap()]
        .matches("data-key=\"")
        .count()
}

#[test]
fn the_dropbox_framework_keeps_every_criterion_its_level_expectations_and_notes() {
    let Some((book, original)) = rewritten_book() else {
        return;
    };
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let json: Value = serde_json::from_str(&read_site(&book, "ladder.json")).unwrap();
    let by_name = |kind: &str, name: &str| -> Value {
        json[kind]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"].as_str().unwrap().to_lowercase() == name)
            .unwrap_or_else(|| panic!("{kind} {name}"))
            .clone()
    };
    let (mut criteria, mut notes, mut level_wide) = (0, 0, 0);
    for level in original["levels"].as_array().unwrap() {
        let id = level["id"].as_str().unwrap();
        for aspect in level["level_expectations"].as_array().unwrap() {
            let name = aspect["name"].as_str().unwrap().to_lowercase();
            let (items, _) = own_entry(&by_name("aspects", &name)["expectations"], id);
            assert_eq!(items, texts(&aspect["items"]), "{name} at {id}");
            level_wide += items.len();
        }
        for group in groups(level) {
            let key = competency_key(group["name"].as_str().unwrap());
            let (items, note) = own_entry(&by_name("competencies", &key)["expectations"], id);
            let written = texts(&group["items"]);
            let expected: Vec<String> = written.iter().filter(|t| !is_note(t)).cloned().collect();
            assert_eq!(items, expected, "{key} at {id}");
            assert_eq!(
                note,
                written.into_iter().find(|t| is_note(t)),
                "{key} at {id}"
            );
            criteria += items.len();
            notes += usize::from(note.is_some());
        }
    }
    assert_eq!((criteria + notes, notes, level_wide), (295, 8, 47));
    // Nothing else in ladder.json: the sums over the whole export agree.
    let own_items = |kind: &str| -> usize {
        json[kind]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["expectations"].as_array().unwrap())
            .filter(|e| e["carried_from"].is_null())
            .map(|e| e["items"].as_array().unwrap().len())
            .sum()
    };
    assert_eq!((own_items("competencies"), own_items("aspects")), (287, 47));
    let assess = read_site(&book, "assess.html");
    let counts: Vec<usize> = (1..=7)
        .map(|n| checklist_len(&assess, &format!("ic{n}")))
        .collect();
    assert_eq!(counts, checklist_counts(&original));
    assert_eq!(counts, [29, 44, 56, 62, 54, 59, 59]);
    let ic4 = main_of(&read_site(&book, "levels/ic4.html")).to_string();
    assert!(
        ic4.contains("What changes from Reliability Engineer (IC3)"),
        "{ic4}"
    );
    assert!(ic4.contains("id=\"level-wide\""), "{ic4}");
    // In the level-wide band and in what changes, no longer in the prose.
    let narrative =
        &ic4[ic4.find("id=\"narrative\"").unwrap()..ic4.find("id=\"expectations\"").unwrap()];
    assert!(
        !narrative.contains("semi-annual/annual goals"),
        "{narrative}"
    );
    let band =
        &ic4[ic4.find("id=\"level-wide\"").unwrap()..ic4.find("id=\"what-changes\"").unwrap()];
    assert!(
        band.contains("I own and deliver semi-annual/annual goals"),
        "{band}"
    );
    book.check(&["--links"]).assert_code(0);
}
