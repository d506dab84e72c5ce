//! `ladderbook check`: one failing fixture per rule under
//! tests/fixtures/invalid/<case>/, each pinned by a snapshot of its human
//! and JSON output; plus a whole book with many problems, clean books, and
//! hostile input that must end in a diagnostic, never in a crash.

use crate::support::TestBook;

/// The human output (stderr) and the JSON output (stdout) of `check`, with
/// the exit status, as one snapshot. Both runs must agree on the status.
fn check_report(book: &TestBook) -> (i32, String) {
    let human = book.check(&[]);
    let json = book.check(&["--format", "json"]);
    let code = human.code.expect("check exits normally, not by a signal");
    assert_eq!(
        json.code,
        Some(code),
        "human and JSON runs disagree on the exit status"
    );
    assert!(!human.stderr.contains("panicked"), "{}", human.stderr);
    let report = format!(
        "exit: {code}\n--- check (stderr)\n{}--- check --format json (stdout)\n{}",
        human.stderr(),
        json.stdout()
    );
    (code, report)
}

/// Checks `tests/fixtures/invalid/<case>`: exactly one diagnostic, with the
/// expected code and exit status, and the output pinned by a snapshot.
#[track_caller]
fn assert_invalid(case: &str, code: &str, exit: i32) {
    let book = TestBook::fixture(&format!("invalid/{case}"));
    let json = book.check(&["--format", "json"]).json();
    let diagnostics = json["diagnostics"]
        .as_array()
        .expect("`diagnostics` is an array");
    assert_eq!(
        diagnostics.len(),
        1,
        "{case} must have exactly one problem: {json:#}"
    );
    assert_eq!(diagnostics[0]["code"], code, "{case}: {json:#}");
    let (status, report) = check_report(&book);
    assert_eq!(status, exit, "{case}:\n{report}");
    insta::assert_snapshot!(format!("invalid__{}", case.replace('-', "_")), report);
}

macro_rules! invalid_fixtures {
    ($($test:ident: $case:literal => $code:literal, exit $exit:literal;)*) => {
        $(
            #[test]
            fn $test() {
                assert_invalid($case, $code, $exit);
            }
        )*
    };
}

invalid_fixtures! {
    // Syntax of the files themselves.
    yaml_syntax_in_yaml_file: "yaml-syntax-in-yaml-file" => "yaml-syntax", exit 1;
    yaml_tab_in_front_matter: "yaml-tab-in-front-matter" => "yaml-syntax", exit 1;
    yaml_syntax_in_front_matter: "yaml-syntax-in-front-matter" => "yaml-syntax", exit 1;
    front_matter_unclosed: "front-matter-unclosed" => "front-matter", exit 1;
    competency_is_a_list: "competency-is-a-list" => "wrong-type", exit 1;
    not_utf8: "not-utf8" => "not-utf8", exit 1;
    level_empty_file: "level-empty-file" => "missing-front-matter", exit 1;
    rank_not_an_integer: "rank-not-an-integer" => "wrong-type", exit 1;
    // Unknown fields.
    level_unknown_field: "level-unknown-field" => "unknown-field", exit 1;
    competency_unknown_field: "competency-unknown-field" => "unknown-field", exit 1;
    interview_unknown_field: "interview-unknown-field" => "unknown-field", exit 1;
    // book.toml.
    config_unknown_field: "config-unknown-field" => "unknown-field", exit 1;
    config_unknown_section: "config-unknown-section" => "unknown-field", exit 1;
    config_toml_syntax: "config-toml-syntax" => "toml-syntax", exit 1;
    config_missing_title: "config-missing-title" => "missing-field", exit 1;
    output_dir_escape: "output-dir-escape" => "unsafe-path", exit 1;
    output_dir_content: "output-dir-content" => "unusable-output-dir", exit 1;
    // Ids.
    invalid_id_file_name: "invalid-id-file-name" => "invalid-id", exit 1;
    invalid_id_non_ascii_file_name: "invalid-id-non-ascii-file-name" => "invalid-id", exit 1;
    duplicate_id: "duplicate-id" => "duplicate-id", exit 1;
    page_invalid_name: "page-invalid-name" => "invalid-id", exit 1;
    static_clash: "static-clash" => "static-clash", exit 1;
    // Levels and tracks.
    duplicate_rank: "duplicate-rank" => "duplicate-rank", exit 1;
    unknown_track: "unknown-track" => "unknown-track", exit 1;
    missing_track: "missing-track" => "missing-field", exit 1;
    equivalent_same_track: "equivalent-same-track" => "invalid-equivalent", exit 1;
    equivalent_unknown_level: "equivalent-unknown-level" => "unknown-reference", exit 1;
    // Competencies.
    expectation_unknown_level: "expectation-unknown-level" => "unknown-reference", exit 1;
    competency_no_expectations: "competency-no-expectations" => "no-expectations", exit 1;
    unlisted_area: "unlisted-area" => "unlisted-area", exit 0;
    // Real ladders' shapes (issue 21).
    repeated_item: "repeated-item" => "repeated-item", exit 0;
    expectations_mode_unknown: "expectations-mode-unknown" => "wrong-type", exit 1;
    item_unknown_field: "item-unknown-field" => "unknown-field", exit 1;
    item_missing_text: "item-missing-text" => "missing-field", exit 1;
    order_not_an_integer: "order-not-an-integer" => "wrong-type", exit 1;
    duplicate_id_in_sub_folders: "duplicate-id-in-sub-folders" => "duplicate-id", exit 1;
    // Real ladders' shapes (issue 25).
    ambiguous_level: "ambiguous-level" => "ambiguous-level", exit 0;
    empty_item: "empty-item" => "empty-item", exit 1;
    nothing_to_end: "nothing-to-end" => "nothing-to-end", exit 1;
    nothing_to_note: "nothing-to-note" => "nothing-to-note", exit 1;
    // Archetypes.
    emphasis_weight_zero: "emphasis-weight-zero" => "invalid-weight", exit 1;
    emphasis_weight_six: "emphasis-weight-six" => "invalid-weight", exit 1;
    emphasis_unknown_competency: "emphasis-unknown-competency" => "unknown-reference", exit 1;
    archetype_unknown_level: "archetype-unknown-level" => "unknown-reference", exit 1;
    // Scorecards.
    scorecard_unknown_level: "scorecard-unknown-level" => "unknown-reference", exit 1;
    scorecard_unknown_archetype: "scorecard-unknown-archetype" => "unknown-reference", exit 1;
    dimension_unknown_competency: "dimension-unknown-competency" => "unknown-reference", exit 1;
    duplicate_dimension: "duplicate-dimension" => "duplicate-dimension", exit 1;
    focus_not_dimension: "focus-not-dimension" => "focus-not-dimension", exit 1;
    uncovered_dimension: "uncovered-dimension" => "uncovered-dimension", exit 0;
    scale_duplicate_id: "scale-duplicate-id" => "duplicate-id", exit 1;
    scale_not_increasing: "scale-not-increasing" => "scale-order", exit 1;
    // Roles (issue 23).
    role_unknown_level: "role-unknown-level" => "unknown-reference", exit 1;
    role_unknown_archetype: "role-unknown-archetype" => "unknown-reference", exit 1;
    role_unknown_scorecard: "role-unknown-scorecard" => "unknown-reference", exit 1;
    role_missing_level: "role-missing-level" => "missing-field", exit 1;
    role_unknown_field: "role-unknown-field" => "unknown-field", exit 1;
    role_salary_min_above_max: "role-salary-min-above-max" => "invalid-salary", exit 1;
    role_currency_unknown: "role-currency-unknown" => "invalid-currency", exit 1;
    role_date_invalid: "role-date-invalid" => "invalid-date", exit 1;
    role_date_order: "role-date-order" => "date-order", exit 1;
    role_remote_wrong: "role-remote-wrong" => "wrong-type", exit 1;
    role_employment_type_unknown: "role-employment-type-unknown" => "wrong-type", exit 1;
    role_apply_not_url: "role-apply-not-url" => "invalid-url", exit 1;
    role_missing_salary: "role-missing-salary" => "posting-incomplete", exit 0;
    role_scorecard_other_level: "role-scorecard-other-level" => "role-mismatch", exit 0;
    organization_missing: "organization-missing" => "posting-incomplete", exit 0;
    // Links.
    link_broken_in_level_body: "link-broken-in-level-body" => "broken-link", exit 1;
    // Guides are checked as their pages render, at the same file:line:col.
    link_broken_in_guide: "link-broken-in-guide" => "broken-link", exit 1;
    link_broken_in_competency_description: "link-broken-in-competency-description" => "broken-link", exit 1;
    link_unknown_kind: "link-unknown-kind" => "broken-link", exit 1;
    link_anchor_not_a_section: "link-anchor-not-a-section" => "broken-link", exit 1;
}

#[test]
fn every_invalid_fixture_has_a_test() {
    let source = include_str!("check.rs");
    let dir = crate::support::fixtures_dir().join("invalid");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/invalid exists") {
        let name = entry
            .expect("readable entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !source.contains(&format!("\"{name}\" =>")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "fixtures without a test: {missing:?}");
}

/// Issue 22: `check` passed an `output-dir` that `build` refused. Every
/// folder `build` refuses to replace, `check` reports in the same words.
#[test]
fn check_reports_every_output_folder_that_build_refuses() {
    let cases = [
        ("content", None),
        ("content/levels", None),
        ("themes", None),
        ("notes", Some("notes/today.md")),
        ("report.pdf", Some("report.pdf")),
    ];
    for (output_dir, existing) in cases {
        let book = TestBook::fixture("books/valid").with(
            "book.toml",
            format!("[book]\ntitle = \"Ladder\"\n\n[build]\noutput-dir = \"{output_dir}\"\n"),
        );
        if let Some(file) = existing {
            book.write(file, "someone's own file\n");
        }
        let checked = book.check(&[]);
        checked.assert_code(1);
        let built = book.run(&["build", book.root().to_str().expect("UTF-8 path")]);
        built.assert_code(1);
        let problem = |stderr: String| -> String {
            stderr
                .lines()
                .take_while(|line| !line.starts_with("check:") && !line.starts_with("build:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let reported = problem(checked.stderr());
        assert!(
            reported
                .starts_with("error[unusable-output-dir]: refusing to write the site to `[BOOK]/")
                && reported.contains("book.toml:5:14"),
            "{output_dir}: {reported}"
        );
        assert_eq!(reported, problem(built.stderr()), "{output_dir}");
        if let Some(file) = existing {
            assert_eq!(
                std::fs::read_to_string(book.root().join(file))
                    .ok()
                    .as_deref(),
                Some("someone's own file\n")
            );
        }
    }
}

#[test]
fn warnings_fail_the_check_only_with_deny_warnings() {
    for case in ["uncovered-dimension", "unlisted-area"] {
        let book = TestBook::fixture(&format!("invalid/{case}"));
        book.check(&[]).assert_code(0);
        let denied = book.check(&["--deny-warnings"]);
        denied.assert_code(1);
        assert!(
            denied.stderr.contains("0 errors and 1 warning"),
            "{}",
            denied.stderr
        );
    }
}

#[test]
fn all_problems_of_a_book_are_reported_in_one_run_sorted_by_file_and_line() {
    let book = TestBook::fixture("books/valid")
        .with(
            "book.toml",
            "[book]\ntitle = \"Fixture Ladder\"\n\n[build]\noutput_dir = \"public\"\n",
        )
        // Two problems in one file; the level is left out, and the links,
        // expectations and archetype levels that name it are not reported again.
        .with(
            "content/levels/sre-2.md",
            "---\ntitle: Site Reliability Engineer II\ntrack: ic\nrank: two\nyeras: \"2-4\"\n---\nOwns a service.\n",
        )
        .with(
            "content/competencies/coaching.yaml",
            "name: Coaching\narea: Collaboration\nexpectations:\n  sre-3: Mentors two engineers.\n  sre-9: Mentors everyone.\n",
        )
        .with(
            "content/pages/promotion.md",
            "---\ntitle: How promotion works\n---\n# Promotion\n\nSee [the guard](@/archetypes/slo-gaurd).\n",
        )
        .with(
            "content/scorecards/senior-sre.yaml",
            "title: Senior SRE loop\nlevels: [sre-3]\ndimensions:\n  - competency: incident-management\ninterviews:\n  - id: incident-sim\n    title: Incident simulation\n    focus: [incident-managment]\n",
        );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        vec![
            "book.toml:5:1: error[unknown-field]: unknown field `output_dir` in [build]",
            "content/competencies/coaching.yaml:5:3: error[unknown-reference]: there is no level `sre-9`",
            "content/levels/sre-2.md:4:7: error[wrong-type]: `rank` must be a whole number, found a string",
            "content/levels/sre-2.md:5:1: error[unknown-field]: unknown field `yeras` in a level",
            "content/pages/promotion.md:6:5: error[broken-link]: `@/archetypes/slo-gaurd` points to no archetype in this book",
            "content/scorecards/senior-sre.yaml:8:13: error[focus-not-dimension]: `incident-managment` is not one of this scorecard's dimensions",
        ]
    );
    let (_, report) = check_report(&book);
    insta::assert_snapshot!("many_problems_in_one_run", report);
}

#[test]
fn the_valid_fixture_checks_clean() {
    let book = TestBook::fixture("books/valid");
    let run = book.check(&[]);
    run.assert_code(0);
    assert_eq!(run.stderr(), "check: no problems found\n");
    let json = book.check(&["--format", "json"]);
    json.assert_code(0);
    assert_eq!(
        json.json(),
        serde_json::json!({ "errors": 0, "warnings": 0, "diagnostics": [] })
    );
}

#[test]
fn the_bundled_book_checks_without_errors_or_warnings() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    let run = book.check(&["--deny-warnings", "--format", "json"]);
    assert_eq!(run.diagnostic_lines(), Vec::<String>::new());
    run.assert_code(0);
}

#[test]
fn a_folder_without_book_toml_is_a_usage_error_that_suggests_init() {
    let book = TestBook::empty().with("content/index.md", "Hello.\n");
    let run = book.check(&[]);
    run.assert_code(2);
    assert!(run.stderr.contains("ladderbook init"), "{}", run.stderr);
    insta::assert_snapshot!("no_book_toml", run.stderr());
}

#[test]
fn a_missing_content_folder_is_reported() {
    // Its areas are empty too, but only because the folder is missing.
    let book = TestBook::empty().with(
        "book.toml",
        "[book]\ntitle = \"Ladder\"\n[ladder]\nareas = [\"Delivery\", \"Craft\"]\n",
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        vec!["book.toml:1:1: error[missing-content]: the content folder `content` does not exist"]
    );
}

/// Issue 22: a competency that failed to load made the scorecard that rates
/// it say "add a dimension `- competency: ...`", though the file has one,
/// and its area "empty". Only the competency's own error is reported.
#[test]
fn a_competency_that_fails_to_load_is_not_blamed_on_what_refers_to_it() {
    for competency in ["incident-management", "coaching"] {
        let book = TestBook::fixture("books/valid");
        let file = format!("content/competencies/{competency}.yaml");
        let text = std::fs::read_to_string(book.root().join(&file)).expect("the fixture has it");
        book.write(&file, format!("name: [unclosed\n{text}"));
        let lines = book.check(&["--format", "json"]).diagnostic_lines();
        assert_eq!(lines.len(), 1, "{competency}: {lines:#?}");
        assert!(
            lines[0].starts_with(&format!("{file}:")) && lines[0].contains("[yaml-syntax]"),
            "{competency}: {lines:#?}"
        );
    }
    // A dimension and its focus misspelled alike: one error, on the dimension.
    let book = TestBook::fixture("books/valid");
    let file = "content/scorecards/senior-sre.yaml";
    let text = std::fs::read_to_string(book.root().join(file)).expect("the fixture has it");
    book.write(file, text.replace("slo-practice", "slo-practise"));
    assert_eq!(
        book.check(&["--format", "json"]).diagnostic_lines(),
        [format!(
            "{file}:8:17: error[unknown-reference]: there is no competency `slo-practise`"
        )]
    );
}

// Hostile and broken input: always a diagnostic and an exit status, never a
// crash or a hang.

/// Runs check in JSON, asserts it exited (not killed) with `exit`, and returns
/// the diagnostic lines.
#[track_caller]
fn check_survives(book: &TestBook, extra: &[&str], exit: i32) -> Vec<String> {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let run = book.check(&args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(exit);
    run.diagnostic_lines()
}

#[test]
fn symbolic_link_loops_are_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;
    let book = TestBook::fixture("books/valid");
    let content = book.root().join("content");
    symlink(".", content.join("pages/loop")).expect("symlink");
    symlink("self.md", content.join("levels/self.md")).expect("symlink");
    symlink("b.md", content.join("pages/a.md")).expect("symlink");
    symlink("a.md", content.join("pages/b.md")).expect("symlink");
    let lines = check_survives(&book, &["--deny-warnings"], 1);
    let message = "warning[symlink-skipped]: symbolic links in content/ are not followed; this one is skipped";
    assert_eq!(
        lines,
        vec![
            format!("content/levels/self.md:1:1: {message}"),
            format!("content/pages/a.md:1:1: {message}"),
            format!("content/pages/b.md:1:1: {message}"),
            format!("content/pages/loop:1:1: {message}"),
        ]
    );
    // Warnings only: the book itself is fine.
    check_survives(&book, &[], 0);
}

#[test]
fn unreadable_files_and_folders_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let book = TestBook::fixture("books/valid")
        .with("content/pages/secret.md", "---\ntitle: Secret\n---\n")
        .with(
            "content/pages/private/page.md",
            "---\ntitle: Private\n---\n",
        );
    let content = book.root().join("content");
    let set_mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    set_mode(&content.join("pages/secret.md"), 0o000);
    set_mode(&content.join("pages/private"), 0o000);
    let mut command = book.command(&["check", "--format", "json", "."]);
    if std::fs::read(content.join("pages/secret.md")).is_ok() {
        // Root reads through `chmod 000`; run the check as `nobody` instead,
        // which needs every folder above the book to be open to others.
        use std::os::unix::process::CommandExt;
        let mut folder = book.root().to_path_buf();
        while folder.starts_with(std::env::temp_dir()) && folder != std::env::temp_dir() {
            set_mode(&folder, 0o755);
            folder.pop();
        }
        command.uid(65534).gid(65534);
    }
    let run = book.try_run_command(command);
    // Let the temporary folder be removed.
    set_mode(&content.join("pages/private"), 0o755);
    let run = match run {
        Ok(run) => run,
        Err(err) => {
            eprintln!("skipped: the check cannot run as an unprivileged user here: {err}");
            return;
        }
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        vec![
            "content/pages/private:1:1: error[unreadable-file]: cannot read this folder entry: permission denied",
            "content/pages/secret.md:1:1: error[unreadable-file]: cannot read this file: permission denied",
        ]
    );
}

#[test]
fn empty_files_of_every_kind_are_reported_one_problem_each() {
    let mut book = TestBook::fixture("books/valid");
    for file in [
        "content/index.md",
        "content/tracks.yaml",
        "content/levels/empty.md",
        "content/competencies/empty.yaml",
        "content/competencies/empty-md.md",
        "content/archetypes/empty.md",
        "content/scorecards/empty.yaml",
        "content/pages/empty.md",
        "content/static/empty.png",
    ] {
        book = book.with(file, "");
    }
    // Without tracks the fixture's levels cannot be placed; that is not
    // reported again, so each empty file shows exactly its own problem.
    let (code, report) = check_report(&book);
    assert_eq!(code, 1, "{report}");
    insta::assert_snapshot!("empty_files", report);

    let empty_config = TestBook::fixture("books/valid").with("book.toml", "");
    assert_eq!(
        check_survives(&empty_config, &[], 1),
        vec!["book.toml:1:1: error[missing-field]: book.toml has no [book] section"]
    );
}

#[test]
fn ten_thousand_levels_of_yaml_nesting_are_an_error_not_a_stack_overflow() {
    let deep_flow = format!("name: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let deep_block = format!(
        "---\ntitle: Deep\nrank: 9\nsummary:\n  {}x\n---\n",
        "- ".repeat(10_000)
    );
    let book = TestBook::fixture("books/valid")
        .with("content/competencies/deep.yaml", deep_flow)
        .with("content/levels/deep.md", deep_block);
    assert_eq!(
        check_survives(&book, &[], 1),
        vec![
            "content/competencies/deep.yaml:1:262: error[yaml-syntax]: invalid YAML: values are nested more than 48 levels deep",
            "content/levels/deep.md:5:97: error[yaml-syntax]: invalid YAML in front matter: values are nested more than 48 levels deep",
        ]
    );
    // The human output does not quote a 20,000-character line.
    let human = book.check(&[]);
    assert!(human.stderr.len() < 4_000, "{}", human.stderr);
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused() {
    let mut bomb = String::from("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let previous = format!("*lol{}", i - 1);
        let items = [previous.as_str(); 10].join(", ");
        bomb.push_str(&format!("lol{i}: &lol{i} [{items}]\n"));
    }
    let book = TestBook::fixture("books/valid").with("content/scorecards/bomb.yaml", bomb);
    let started = std::time::Instant::now();
    let lines = check_survives(&book, &[], 1);
    assert!(
        started.elapsed().as_secs() < 30,
        "the bomb took {:?}",
        started.elapsed()
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("content/scorecards/bomb.yaml:")
            && lines[0].ends_with(
                "error[yaml-syntax]: invalid YAML: the document holds more than 200000 values once its aliases are expanded"
            ),
        "{lines:?}"
    );
}
