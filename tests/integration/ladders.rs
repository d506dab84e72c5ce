//! Real ladders without loss (issue 21): sub-folders, `order:`, books
//! without areas, items with examples, cumulative levels. Each test builds
//! a small book through the real binary and reads what it wrote.

use crate::support::TestBook;

fn read(book: &TestBook, path: &str) -> String {
    let full = book.root().join("site").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|err| panic!("read {}: {err}", full.display()))
}

/// The `<main>` of a page.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a page has <main>");
    let end = html.find("</main>").expect("a page closes </main>");
    &html[start..end]
}

// ------------------------------------------------------------- folders

#[test]
fn content_kinds_may_be_sorted_into_sub_folders() {
    let book = TestBook::fixture("books/valid");
    for (from, to) in [
        (
            "content/competencies/coaching.yaml",
            "content/competencies/people/coaching.yaml",
        ),
        ("content/levels/mgr-1.md", "content/levels/management/m/mgr-1.md"),
        (
            "content/archetypes/slo-guard.md",
            "content/archetypes/sre/slo-guard.md",
        ),
        (
            "content/scorecards/senior-sre.yaml",
            "content/scorecards/ic/senior-sre.yaml",
        ),
    ] {
        let target = book.root().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::rename(book.root().join(from), target).unwrap();
    }
    let check = book.check(&["--deny-warnings"]);
    check.assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    for page in [
        "competencies/coaching.html",
        "levels/mgr-1.html",
        "archetypes/slo-guard.html",
        "scorecards/senior-sre.html",
    ] {
        assert!(book.root().join("site").join(page).is_file(), "{page}");
    }
    assert!(main_of(&read(&book, "levels/mgr-1.html")).contains("Coaches every engineer"));
}

#[test]
fn one_id_in_two_folders_is_an_error_naming_both_files() {
    let book = TestBook::fixture("books/valid").with(
        "content/competencies/people/coaching.yaml",
        "name: Coaching again\narea: Collaboration\nexpectations:\n  sre-1: Listens.\n",
    );
    let run = book.check(&[]);
    run.assert_code(1);
    let err = run.stderr();
    assert!(err.contains("error[duplicate-id]"), "{err}");
    assert!(
        err.contains("content/competencies/coaching.yaml")
            && err.contains("content/competencies/people/coaching.yaml"),
        "{err}"
    );
}
