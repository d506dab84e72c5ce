//! `[history]` in the site (issue 17): the repository of `history.rs` (tags
//! v0 without a book, v1, v2 with edits of every kind, broken), a book whose
//! book.toml publishes some of them, built through the real binary.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::history::{Repo, git};
use crate::support::{Run, TestBook, main_of, redact};

impl Repo {
    /// The working tree's book.toml with `history` appended.
    fn publish(&self, history: &str) {
        let path = self.book().join("book.toml");
        let config = std::fs::read_to_string(&path).expect("the fixture has a book.toml");
        std::fs::write(&path, format!("{config}\n[history]\n{history}\n"))
            .expect("book.toml can be written");
    }

    /// `ladderbook <command> . <args>`, run in the book's folder.
    fn in_book(&self, args: &[&str]) -> Run {
        let mut command = self.top.command(args);
        command.current_dir(self.book());
        self.top.run_command(command)
    }

    /// Builds the book into `out` below the repository's top.
    fn build(&self, out: &str) -> PathBuf {
        let site = self.top.root().join(out);
        let site_arg = site.to_str().expect("temporary paths are UTF-8");
        self.in_book(&["--quiet", "build", ".", "--out", site_arg])
            .assert_code(0);
        site
    }
}

fn page(site: &Path, path: &str) -> String {
    std::fs::read_to_string(site.join(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

#[test]
fn releases_get_a_changes_section_newest_first_with_their_diffs() {
    let repo = Repo::new();
    repo.publish("releases = [\"v1\", \"v2\"]");
    let site = repo.build("site");
    let index = page(&site, "changes/index.html");
    let main = main_of(&index);
    let (v2, v1) = (
        main.find("href=\"../changes/v2.html\"").expect("v2 listed"),
        main.find("href=\"../changes/v1.html\"").expect("v1 listed"),
    );
    assert!(v2 < v1, "newest first: {main}");
    assert!(main.contains("The first release published here"), "{main}");
    assert!(index.contains("href=\"../changes/index.html\" aria-current=\"page\">Changes</a>"));

    let release = page(&site, "changes/v2.html");
    let main = main_of(&release);
    // Levels renamed, grouped by level, with the words that changed.
    assert!(main.contains("Engineer 2 <code>e2</code>"), "{main}");
    assert!(main.contains("renamed from “Engineer II”"), "{main}");
    assert!(main.contains("id=\"e2--delivery\""), "{main}");
    assert!(
        main.contains("Plans a feature into milestones<ins> and a rollout</ins>."),
        "{main}"
    );
    assert!(
        main.contains("<del>Writes the release notes for the team.</del>"),
        "{main}"
    );
    assert!(
        main.contains("</span> Mentors a new joiner.</li>"),
        "{main}"
    );
    // The move from e3 to e1, on both levels, and the carry-over change.
    assert!(main.contains("Moved here from E3</span>"), "{main}");
    assert!(main.contains("Moved to E1</span>"), "{main}");
    assert!(
        main.contains("Now has its own text; it carried over from E1."),
        "{main}"
    );
    assert!(main.contains("Now carries over from E2."), "{main}");
    // Details and guides, linked relatively.
    assert!(
        main.contains("<code>builder</code> · <code>delivery</code>: <del>5</del> → <ins>4</ins>"),
        "{main}"
    );
    assert!(main.contains("small, safe"), "{main}");
    assert!(
        main.contains("<a href=\"../pages/onboarding.html\">Onboarding</a>"),
        "{main}"
    );
    assert!(main.contains("href=\"../levels/e1.html\""), "{main}");
    assert!(!release.contains("href=\"/"), "every link is relative");

    // Every page's header links the section; the first release has no diff.
    assert!(page(&site, "matrix.html").contains("href=\"changes/index.html\">Changes</a>"));
    assert!(main_of(&page(&site, "changes/v1.html")).contains("there is no earlier one"));
}

#[test]
fn level_pages_mark_what_the_latest_release_changed() {
    let repo = Repo::new();
    repo.publish("releases = [\"v1\", \"v2\"]");
    let site = repo.build("site");
    let e2 = page(&site, "levels/e2.html");
    let main = main_of(&e2);
    assert!(
        main.contains("Plans a feature into milestones and a rollout.<a class=\"badge release-mark badge-reworded\" href=\"../changes/v2.html#e2--delivery\">Reworded in v2</a>"),
        "{main}"
    );
    assert!(
        main.contains("Mentors a new joiner.<a class=\"badge release-mark badge-new\" href=\"../changes/v2.html#e2--delivery\">New in v2</a>"),
        "{main}"
    );
    assert!(
        main.contains("Marked expectations are new, reworded or moved in v2"),
        "{main}"
    );
    let e1 = main_of(&page(&site, "levels/e1.html")).to_string();
    assert!(
        e1.contains("Leads the incident review after an outage.<a class=\"badge release-mark badge-moved\" href=\"../changes/v2.html#e1--delivery\">Moved here in v2</a>"),
        "{e1}"
    );
    // An unchanged expectation is not marked, and a level without changes
    // renders without the note or the styles.
    assert!(!e1.contains("Ships small changes with tests.<a"), "{e1}");
    let e3 = page(&site, "levels/e3.html");
    assert!(
        !e3.contains("release-mark") && !e3.contains("<style>"),
        "{e3}"
    );
}

#[test]
fn the_assessment_page_ships_where_older_keys_went() {
    let repo = Repo::new();
    repo.publish("releases = [\"v1\", \"v2\"]");
    let site = repo.build("site");
    let assess = page(&site, "assess.html");
    let start = assess
        .find("id=\"assess-history\">")
        .expect("the key maps are on the page");
    let json = &assess[start + "id=\"assess-history\">".len()..];
    let json: Value = serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap();
    // The book built is v2 with [history] added to book.toml: another
    // ladder version, whose expectations are v2's word for word.
    let releases: Vec<&Value> = json["releases"]
        .as_object()
        .expect("by ladder version")
        .values()
        .collect();
    assert_eq!(releases.len(), 2, "{json:#}");
    let v2 = releases
        .iter()
        .find(|r| r["release"] == "v2")
        .expect("v2 maps");
    assert_eq!(v2["keys"], serde_json::json!({}), "nothing of v2 moved");
    let v1 = releases
        .iter()
        .find(|r| r["release"] == "v1")
        .expect("v1 maps");
    let keys = v1["keys"].as_object().unwrap();
    let reworded: Vec<(&String, &Value)> =
        keys.iter().filter(|(_, m)| m["reworded"] == true).collect();
    assert_eq!(reworded.len(), 1, "{keys:#?}");
    assert!(reworded[0].0.starts_with("delivery@e2:"));
    assert!(
        reworded[0].1["key"]
            .as_str()
            .unwrap()
            .starts_with("delivery@e2:")
    );
    assert_ne!(reworded[0].0, reworded[0].1["key"].as_str().unwrap());
    let moved: Vec<(&String, &Value)> = keys.iter().filter(|(_, m)| m["moved"] == true).collect();
    assert_eq!(moved.len(), 1, "{keys:#?}");
    assert!(moved[0].0.starts_with("delivery@e3:"), "{moved:?}");
    assert!(
        moved[0].1["key"]
            .as_str()
            .unwrap()
            .starts_with("delivery@e1:"),
        "{moved:?}"
    );
    assert_eq!(
        json["words"]["assess_recheck_mark"],
        "reworded, please re-check"
    );
}

#[test]
fn the_site_is_the_same_bytes_on_every_build_and_unchanged_without_history() {
    let repo = Repo::new();
    let plain = repo.build("plain");
    repo.publish("releases = [\"v1\", \"v2\"]");
    let (one, two) = (repo.build("one"), repo.build("two"));
    for entry in walkdir::WalkDir::new(&one) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(&one).unwrap();
        if entry.file_type().is_file() && relative != Path::new(".ladderbook-manifest") {
            let same =
                std::fs::read(entry.path()).unwrap() == std::fs::read(two.join(relative)).unwrap();
            assert!(same, "{} differs between two builds", relative.display());
        }
    }
    assert!(!plain.join("changes").exists());
    let assess = page(&plain, "assess.html");
    assert!(!assess.contains("assess-history") && !page(&plain, "index.html").contains("changes/"));
}

#[test]
fn a_tag_pattern_publishes_matching_tags_in_version_order() {
    let repo = Repo::new();
    let dir = repo.top.root().to_path_buf();
    // v0 holds no book: a pattern that matches it is an error (below).
    git(&dir, &["tag", "-d", "v0"]);
    git(&dir, &["tag", "v10", "v2"]);
    repo.publish("tags = \"v*\"");
    let site = repo.build("site");
    let index = main_of(&page(&site, "changes/index.html")).to_string();
    let order: Vec<usize> = ["v10", "v2", "v1"]
        .iter()
        .map(|name| {
            index
                .find(&format!("changes/{name}.html\""))
                .unwrap_or_else(|| panic!("{name}: {index}"))
        })
        .collect();
    assert!(order[0] < order[1] && order[1] < order[2], "{index}");
    assert!(main_of(&page(&site, "changes/v10.html")).contains("Nothing in the ladder changed"));
}

#[test]
fn a_new_tag_reaches_every_page_it_changes_on_a_rebuild_over_the_previous_site() {
    // A tag is no file of the book: the rebuild must still see it, or the
    // Changes index and the level marks would be taken from the last build.
    let repo = Repo::new();
    let dir = repo.top.root().to_path_buf();
    git(&dir, &["tag", "-d", "v0"]);
    repo.publish("tags = \"v*\"");
    let site = repo.build("site");
    assert!(!page(&site, "changes/index.html").contains("changes/v10.html"));
    git(&dir, &["tag", "v10", "v2"]);
    let rebuilt = repo.build("site");
    let index = main_of(&page(&rebuilt, "changes/index.html")).to_string();
    assert!(index.contains("changes/v10.html\""), "{index}");
    let fresh = repo.build("fresh");
    for path in ["changes/index.html", "changes/v2.html", "assess.html"] {
        assert_eq!(page(&rebuilt, path), page(&fresh, path), "{path}");
    }
}

#[test]
fn bad_releases_are_diagnostics_on_book_toml_and_nothing_is_written() {
    let repo = Repo::new();
    repo.publish("releases = [\"v1\", \"v7\"]");
    let run = repo.in_book(&["check", ".", "--format", "json"]);
    run.assert_code(1);
    let lines: Vec<String> = run
        .diagnostic_lines()
        .iter()
        .map(|line| redact(line, repo.top.root()))
        .collect();
    assert_eq!(
        lines,
        vec![
            "book.toml:8:19: error[unknown-release]: unknown revision `v7` in the repository at `[BOOK]`"
        ]
    );
    let help = run.json()["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(help.contains("git fetch --tags"), "{help}");

    let repo = Repo::new();
    repo.publish("tags = \"v*\"");
    let run = repo.in_book(&["build", ".", "--out", "../site"]);
    run.assert_code(1);
    assert!(
        run.stderr()
            .contains("error[not-a-book]: `v0` has no book at `ladder`"),
        "{}",
        run.stderr()
    );
    assert!(!repo.top.root().join("site").exists());

    let repo = Repo::new();
    repo.publish("releases = [\"v1\", \"broken\"]");
    let run = repo.in_book(&["check", ".", "--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("broken:content/competencies/delivery.yaml:11:3: error[")),
        "{lines:?}"
    );
}

#[test]
fn history_outside_a_repository_says_so() {
    let book = TestBook::fixture("history/book");
    let config = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    book.write("book.toml", format!("{config}\n[history]\ntags = \"v*\"\n"));
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("book.toml:7:1: error[no-repository]: cannot read a git repository"),
        "{lines:?}"
    );
}
