//! `ladderbook diff`: a git repository made in a temporary folder (with the
//! `git` binary; the product reads it with gix) holding the fixture book
//! tests/fixtures/history/book/ in a sub-folder, several commits and tags.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::support::{TestBook, fixtures_dir};

/// The repository: `root()` is its top; the book is in `ladder/`.
pub(crate) struct Repo {
    pub(crate) top: TestBook,
}

pub(crate) fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git runs (the tests build their repository with it)");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

const DELIVERY_V2: &str = "name: Delivery
area: Craft
expectations:
  e1:
    - Ships small changes with tests.
    - Asks for review early.
    - Leads the incident review after an outage.
  e2:
    - Plans a feature into milestones and a rollout.
    - Mentors a new joiner.
  e3:
    - Owns a service end to end.
";

const COMMUNICATION_V2: &str = "name: Communication
area: Collaboration
expectations:
  e1: Gives a clear status update without being asked.
  e2: Gives a clear status update without being asked.
";

impl Repo {
    /// Commits: `v0` (no book yet), `v1` (the fixture), `v2` (edits of
    /// every kind), `broken` (a competency naming an unknown level), then
    /// back to v2's files in the working tree.
    pub(crate) fn new() -> Repo {
        let top = TestBook::empty();
        let dir = top.root().to_path_buf();
        git(&dir, &["init", "-q", "-b", "main"]);
        top.write("README.md", "A repository that will hold a ladder.\n");
        commit(&dir, "v0");
        copy_dir(&fixtures_dir().join("history/book"), &dir.join("ladder"));
        commit(&dir, "v1");
        top.write("ladder/content/competencies/delivery.yaml", DELIVERY_V2);
        top.write(
            "ladder/content/competencies/communication.yaml",
            COMMUNICATION_V2,
        );
        edit(
            &dir.join("ladder/content/levels/e2.md"),
            "title: Engineer II",
            "title: Engineer 2",
        );
        edit(
            &dir.join("ladder/content/archetypes/builder.md"),
            "delivery: 5",
            "delivery: 4",
        );
        edit(
            &dir.join("ladder/content/scorecards/e2.yaml"),
            "Splits a feature into steps.",
            "Splits a feature into small, safe steps.",
        );
        edit(
            &dir.join("ladder/content/pages/promotion.md"),
            "Evidence helps.",
            "Written evidence helps most.",
        );
        top.write(
            "ladder/content/pages/onboarding.md",
            "---\ntitle: Onboarding\n---\nWelcome.\n",
        );
        commit(&dir, "v2");
        top.write(
            "ladder/content/competencies/delivery.yaml",
            DELIVERY_V2.replace("  e3:\n", "  e9:\n"),
        );
        commit(&dir, "broken");
        git(&dir, &["checkout", "-q", "v2", "--", "."]);
        Repo { top }
    }

    pub(crate) fn book(&self) -> PathBuf {
        self.top.root().join("ladder")
    }

    fn diff(&self, args: &[&str]) -> crate::support::Run {
        let mut command = self.top.command(&["diff"]);
        command.args(args).current_dir(self.book());
        self.top.run_command(command)
    }
}

fn commit(dir: &Path, tag: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", tag]);
    git(dir, &["tag", tag]);
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("the fixture file exists");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("the fixture file can be written");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("the fixture can be walked");
        let target = to.join(entry.path().strip_prefix(from).expect("below the fixture"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("folders can be made");
        } else {
            std::fs::copy(entry.path(), &target).expect("files can be copied");
        }
    }
}

fn find<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {list:#}"))
}

#[test]
fn the_json_diff_between_two_tags_names_every_change() {
    let repo = Repo::new();
    let run = repo.diff(&["v1", "v2", "--format", "json"]);
    run.assert_code(0);
    let diff = run.json();
    assert_eq!(diff["format"], "ladderbook.diff/1");
    assert_eq!(diff["changed"], true);
    assert!(diff["old"]["label"].as_str().unwrap().starts_with("v1 ("));
    assert_eq!(diff["old"]["title"], "History fixture");
    assert_eq!(
        diff["levels"],
        json!([{"id": "e2", "change": "renamed", "title": "Engineer 2", "old_title": "Engineer II", "fields": []}])
    );
    for kind in [
        "tracks",
        "competencies",
        "archetypes",
        "scorecards",
        "interviews",
    ] {
        assert_eq!(diff[kind], json!([]), "{kind}");
    }
    let cells = &diff["cells"];
    assert_eq!(cells.as_array().unwrap().len(), 3, "{cells:#}");
    let planning = find(cells, "level", "e2");
    assert_eq!(planning["competency"], "delivery");
    assert_eq!(planning["status"], "changed");
    assert_eq!(planning["added"], json!(["Mentors a new joiner."]));
    assert_eq!(
        planning["removed"],
        json!(["Writes the release notes for the team."])
    );
    assert_eq!(
        planning["reworded"][0]["old"],
        "Plans a feature into milestones."
    );
    assert_eq!(
        planning["reworded"][0]["new"],
        "Plans a feature into milestones and a rollout."
    );
    assert_eq!(
        planning["reworded"][0]["words"],
        json!([
            {"op": "equal", "text": "Plans a feature into milestones"},
            {"op": "insert", "text": " and a rollout"},
            {"op": "equal", "text": "."}
        ])
    );
    let communication: Vec<&Value> = cells
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["competency"] == "communication")
        .collect();
    assert_eq!(communication[0]["level"], "e2");
    assert_eq!(
        communication[0]["carry_over"],
        json!({"now": "own", "from": "e1", "from_label": "E1"})
    );
    assert_eq!(communication[0]["added"], json!([]));
    assert_eq!(communication[1]["level"], "e3");
    assert_eq!(
        communication[1]["carry_over"],
        json!({"now": "carried", "from": "e2", "from_label": "E2"})
    );
    assert_eq!(
        communication[1]["removed"],
        json!(["Explains trade-offs to people outside the team."])
    );
    assert_eq!(
        diff["moves"],
        json!([{
            "competency": "delivery", "competency_name": "Delivery",
            "from": "e3", "from_label": "E3", "to": "e1", "to_label": "E1",
            "direction": "earlier",
            "old": "Leads the incident review after an outage.",
            "new": "Leads the incident review after an outage.",
            "words": null
        }])
    );
    assert_eq!(
        diff["emphasis"],
        json!([{"archetype": "builder", "competency": "delivery", "old": 5, "new": 4}])
    );
    let bar = &diff["dimensions"][0];
    assert_eq!(
        (
            bar["scorecard"].as_str(),
            bar["competency"].as_str(),
            bar["change"].as_str()
        ),
        (Some("e2"), Some("delivery"), Some("changed"))
    );
    assert_eq!(
        bar["meets"]["new"],
        "Splits a feature into small, safe steps."
    );
    assert_eq!(bar["exceeds"], Value::Null);
    let promotion = find(&diff["guides"], "path", "promotion");
    assert_eq!(
        (
            promotion["change"].as_str(),
            promotion["lines_added"].as_u64(),
            promotion["lines_removed"].as_u64()
        ),
        (Some("changed"), Some(1), Some(1))
    );
    assert_eq!(
        find(&diff["guides"], "path", "onboarding")["change"],
        "added"
    );
}

#[test]
fn the_working_tree_is_the_default_newer_side_and_exit_codes_follow_git() {
    let repo = Repo::new();
    let same = repo.diff(&["v2", "--format", "json"]);
    same.assert_code(0);
    assert_eq!(same.json()["changed"], false);
    assert_eq!(same.json()["new"]["label"], "working tree");
    repo.diff(&["v2", "--exit-code"]).assert_code(0);
    repo.diff(&["v1", "--exit-code"]).assert_code(1);
    repo.diff(&["v1"]).assert_code(0);
    // An edit not yet committed shows.
    edit(
        &repo.book().join("content/levels/e3.md"),
        "title: Engineer III",
        "title: Senior engineer",
    );
    let run = repo.diff(&["v2", "--format", "json"]);
    assert_eq!(run.json()["levels"][0]["old_title"], "Engineer III");
}

#[test]
fn the_text_report_is_grouped_by_level_and_coloured_only_when_asked() {
    let repo = Repo::new();
    let plain = repo.diff(&["v1", "v2"]);
    plain.assert_code(0);
    let text = plain.stdout();
    assert!(
        !text.contains('\x1b'),
        "NO_COLOR is set by the test runner:\n{text}"
    );
    assert!(text.contains("What changes for E1 (Engineer I)"), "{text}");
    assert!(
        text.contains("moved here from E3 (now expected earlier): Leads the incident review"),
        "{text}"
    );
    assert!(
        text.contains("~ Plans a feature into milestones{+ and a rollout+}."),
        "{text}"
    );
    let coloured = repo.diff(&["v1", "v2", "--color", "always"]);
    assert!(coloured.stdout.contains("\x1b[32m"), "{}", coloured.stdout);
    let markdown = repo.diff(&["v1", "v2", "--format", "markdown"]);
    assert!(
        markdown
            .stdout
            .contains("### What changes for E2 (Engineer 2)"),
        "{}",
        markdown.stdout
    );
    assert!(
        markdown
            .stdout
            .contains("removed: ~~Writes the release notes for the team.~~"),
        "{}",
        markdown.stdout
    );
}

#[test]
fn a_broken_revision_gets_its_diagnostics_named_by_revision_and_exit_1() {
    let repo = Repo::new();
    let run = repo.diff(&["v1", "broken"]);
    run.assert_code(1);
    let stderr = run.stderr();
    assert!(
        stderr.contains("broken:content/competencies/delivery.yaml:11:3"),
        "{stderr}"
    );
    // The line is quoted from the revision, not from the working tree.
    assert!(stderr.contains("11 │   e9:"), "{stderr}");
    assert!(stderr.contains("diff: broken ("), "{stderr}");
    assert!(
        run.stdout.is_empty(),
        "no report for a broken side: {}",
        run.stdout
    );
}

#[test]
fn unreadable_sides_exit_2_with_one_reason_and_a_hint() {
    let repo = Repo::new();
    let unknown = repo.diff(&["v9"]);
    unknown.assert_code(2);
    let lines: Vec<&str> = unknown.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", unknown.stderr);
    assert!(
        lines[0].starts_with("error: unknown revision `v9`"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("git fetch --tags"), "{}", lines[1]);
    let no_book = repo.diff(&["v0"]);
    no_book.assert_code(2);
    assert!(
        no_book.stderr.contains("`v0` has no book at `ladder`"),
        "{}",
        no_book.stderr
    );
    let outside = TestBook::fixture("history/book");
    let run = outside.run(&["diff", "HEAD"]);
    // The temporary folder may sit inside some repository; only when it
    // does not is this the "no repository" case.
    if !run.stderr.contains("unknown revision") {
        run.assert_code(2);
        assert!(
            run.stderr.contains("cannot read a git repository holding"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_shallow_clone_missing_the_revision_says_how_to_fetch_it() {
    let repo = Repo::new();
    let clone = TestBook::empty();
    let url = format!("file://{}", repo.top.root().display());
    let target = clone.root().join("clone");
    git(
        clone.root(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-tags",
            &url,
            target.to_str().unwrap(),
        ],
    );
    let mut command = clone.command(&["diff", "v1"]);
    command.current_dir(target.join("ladder"));
    let run = clone.run_command(command);
    run.assert_code(2);
    assert!(
        run.stderr.contains("git fetch --unshallow --tags"),
        "{}",
        run.stderr
    );
}

#[test]
fn reading_history_writes_nothing_to_the_repository() {
    let repo = Repo::new();
    let git_dir = repo.top.root().join(".git");
    let before = snapshot(&git_dir);
    repo.diff(&["v1", "v2"]).assert_code(0);
    repo.diff(&["v9"]).assert_code(2);
    assert_eq!(before, snapshot(&git_dir));
}

/// Every file below `dir` with its contents.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("the repository can be walked"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            (
                entry.path().to_path_buf(),
                std::fs::read(entry.path()).expect("readable"),
            )
        })
        .collect()
}

#[test]
fn two_book_folders_can_be_compared() {
    let old = TestBook::fixture("history/book");
    let new = TestBook::fixture("history/book");
    new.write("content/competencies/delivery.yaml", DELIVERY_V2);
    let run = old.run(&[
        "diff",
        old.root().to_str().unwrap(),
        new.root().to_str().unwrap(),
        "--format",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.json()["moves"][0]["direction"], "earlier");
}

#[test]
fn the_ci_job_parses_fetches_the_history_and_posts_the_markdown_diff() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci/ladder-changes.yml");
    let text = std::fs::read_to_string(&path).expect("docs/ci/ladder-changes.yml exists");
    ladderbook::yaml::parse(&text).unwrap_or_else(|err| panic!("{}", err.message));
    assert!(
        text.contains("fetch-depth: 0"),
        "a shallow checkout lacks the base revision"
    );
    assert!(text.contains(
        "ladderbook diff \"$BASE\" HEAD --book \"$BOOK_DIR\" --format markdown --exit-code"
    ));
    assert!(text.contains("gh pr comment"));
    assert!(text.contains("pull-requests: write"));
}

#[test]
fn a_revision_with_a_file_that_is_not_utf8_is_a_diagnostic_not_a_crash() {
    let repo = Repo::new();
    let dir = repo.top.root().to_path_buf();
    std::fs::write(
        repo.book().join("content/competencies/delivery.yaml"),
        b"name: Delivery\narea: Craft\nexpectations:\n  e1: Ships \xff fast.\n",
    )
    .expect("the file can be written");
    commit(&dir, "latin1");
    let run = repo.diff(&["v1", "latin1"]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("latin1:content/competencies/delivery.yaml:4:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("not-utf8"), "{}", run.stderr);
}

#[test]
fn odd_revision_names_exit_2_and_never_panic() {
    let repo = Repo::new();
    for name in [
        ":/",
        "HEAD@{99}",
        "v1^{blob}",
        "v1~999",
        "-",
        "refs/../../x",
        "ladder:/",
    ] {
        let run = repo.diff(&[name]);
        run.assert_code(2);
        assert!(run.stderr.starts_with("error: "), "{name}: {}", run.stderr);
    }
}
