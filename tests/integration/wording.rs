//! Wording checks (issue 27): gendered words, traits named instead of
//! behaviours, a masculine-coded lean in a summary; `[lint]`, the in-place
//! allow comment, quoted text, and books in other languages.

use crate::support::TestBook;

fn book_with(language: &str, lint: &str) -> TestBook {
    TestBook::empty()
        .with(
            "book.toml",
            format!("[book]\ntitle = \"Words\"\nlanguage = \"{language}\"\n{lint}"),
        )
        .with(
            "content/levels/l1.md",
            "---\ntitle: Chairman of the guild\nrank: 1\nsummary: An aggressive, competitive and dominant engineer, supportive too.\n---\nA natural leader who ships.\n",
        )
        // Quoted words are reported speech, not criteria: no finding here.
        .with(
            "content/levels/l2.md",
            "---\ntitle: Engineer II\nrank: 2\nsummary: Rewrites postings that ask for an \"aggressive, competitive, dominant rockstar\".\n---\nNever calls anyone a \"ninja\" or a “guru”.\n",
        )
        .with(
            "content/competencies/mentoring.yaml",
            "name: Mentoring\nexpectations:\n  l1:\n    - Walks a new hire through his first on-call.\n    - Quotes the saying \"he who pays the piper\" and moves on.\n    - Reads `his_config` and https://example.org/his-page before acting.\n",
        )
}

#[test]
fn each_wording_code_reports_a_true_finding_with_its_place_and_a_hint() {
    let run = book_with("en", "").check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/competencies/mentoring.yaml:4:32: warning[gendered-word]: “his” names a gender",
            "content/levels/l1.md:2:8: warning[gendered-word]: “Chairman” names a gender",
            "content/levels/l1.md:4:10: warning[coded-word]: this summary leans masculine-coded: 3 masculine-coded (aggressive, competitive, dominant) against 0 feminine-coded",
            "content/levels/l1.md:4:13: warning[trait-not-behaviour]: “aggressive” names a trait, not an observable behaviour or outcome",
            "content/levels/l1.md:6:3: warning[trait-not-behaviour]: “natural leader” names a trait, not an observable behaviour or outcome",
        ]
    );
    let json = run.json();
    let helps: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap_or(""))
        .collect();
    assert!(helps[0].contains("their"), "{helps:?}");
    assert!(helps[1].contains("chair"), "{helps:?}");
    // Warnings fail a strict check.
    book_with("en", "")
        .check(&["--deny-warnings"])
        .assert_code(1);
}

#[test]
fn lint_turns_a_code_off_and_allows_a_word_everywhere() {
    let lint = "[lint]\noff = [\"coded-word\", \"trait-not-behaviour\"]\nallow = [\"Chairman\"]\n";
    let run = book_with("en", lint).check(&["--format", "json"]);
    assert_eq!(
        run.diagnostic_lines(),
        ["content/competencies/mentoring.yaml:4:32: warning[gendered-word]: “his” names a gender"]
    );
    let typo = book_with("en", "[lint]\noff = [\"gendered-words\"]\n").check(&["--format", "json"]);
    typo.assert_code(1);
    assert!(
        typo.diagnostic_lines()[0].starts_with(
            "book.toml:5:8: error[unknown-reference]: `gendered-words` is not a check"
        ),
        "{:?}",
        typo.diagnostic_lines()
    );
    assert!(typo.stdout.contains("did you mean `gendered-word`?"));
}

#[test]
fn a_comment_allows_one_place_and_only_that_place() {
    let book = book_with("en", "[lint]\noff = [\"coded-word\", \"trait-not-behaviour\"]\n")
        .with(
            "content/competencies/mentoring.yaml",
            "name: Mentoring\nexpectations:\n  l1:\n    # ladderbook-allow: gendered-word\n    - Walks a new hire through his first on-call.\n    - Hands her the pager.\n",
        )
        .with(
            "content/levels/l1.md",
            "---\ntitle: Engineer\nrank: 1\n---\n<!-- ladderbook-allow: chairman -->\nReports to the chairman.\nThe chairman decides.\n",
        );
    assert_eq!(
        book.check(&["--format", "json"]).diagnostic_lines(),
        [
            "content/competencies/mentoring.yaml:6:13: warning[gendered-word]: “her” names a gender",
            "content/levels/l1.md:7:5: warning[gendered-word]: “chairman” names a gender",
        ]
    );
    // The comment never reaches the page.
    book.run(&["build"]).assert_code(0);
    let page = std::fs::read_to_string(book.root().join("site/levels/l1.html")).unwrap();
    assert!(!page.contains("ladderbook-allow"));
}

#[test]
fn a_book_in_another_language_gets_no_finding_from_the_english_lists() {
    let run = book_with("de", "").check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(run.diagnostic_lines(), Vec::<String>::new());
}

#[test]
fn the_bundled_book_passes_every_wording_check() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(root, &["book.toml", "content"]);
    book.check(&["--deny-warnings"]).assert_code(0);
}

#[test]
fn role_titles_and_postings_are_read_and_a_posting_is_weighed_as_a_whole() {
    let book = TestBook::fixture("roles/base");
    let role = std::fs::read_to_string(book.root().join("content/roles/senior-sre.md")).unwrap();
    let role = role
        .replace("title: Senior SRE, Payments", "title: Payments Ninja")
        .replace(
            "The payments team keeps card payments flowing.",
            "We want a competitive, assertive and fearless engineer.",
        );
    book.write("content/roles/senior-sre.md", role);
    let lines = book.check(&["--format", "json"]).diagnostic_lines();
    assert!(
        lines.contains(&"content/roles/senior-sre.md:2:8: warning[trait-not-behaviour]: “Ninja” names a trait, not an observable behaviour or outcome".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"content/roles/senior-sre.md:19:1: warning[coded-word]: this posting leans masculine-coded: 3 masculine-coded (competitive, assertive, fearless) against 0 feminine-coded".to_string()),
        "{lines:?}"
    );
}
