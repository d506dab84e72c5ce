//! A rebuild renders again only the pages whose inputs changed (issue 20):
//! for each kind of input, changing it changes the pages that show it, and
//! the site rebuilt over its previous output is byte for byte the site a
//! build into a fresh folder makes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::TestBook;

/// Every file below `site` but the manifest, by path.
fn files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && entry.file_name() != ".ladderbook-manifest")
        .map(|entry| {
            let relative = entry.path().strip_prefix(site).expect("below the site");
            let bytes = std::fs::read(entry.path()).expect("readable");
            (relative.to_string_lossy().replace('\\', "/"), bytes)
        })
        .collect()
}

/// Builds `book` twice over its own output (the second build reuses every
/// page), applies `change`, builds it over its output again and into a
/// fresh folder. Fails unless both sites are the same bytes; returns the
/// files the change altered.
fn changed_by(book: &TestBook, change: impl FnOnce(&TestBook)) -> Vec<String> {
    book.run(&["build", "."]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    let site = book.root().join("site");
    let before = files(&site);
    change(book);
    book.run(&["build", "."]).assert_code(0);
    book.run(&["build", ".", "--out", "fresh"]).assert_code(0);
    let rebuilt = files(&site);
    let fresh = files(&book.root().join("fresh"));
    let stale: Vec<&String> = fresh
        .keys()
        .chain(rebuilt.keys())
        .filter(|path| fresh.get(*path) != rebuilt.get(*path))
        .collect();
    assert!(stale.is_empty(), "rebuilt differs from fresh: {stale:?}");
    rebuilt
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path.clone())
        .collect()
}

fn valid() -> TestBook {
    TestBook::fixture("books/valid")
}

fn edit(book: &TestBook, file: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(book.root().join(file)).expect("readable");
    assert!(text.contains(from), "{file} has no `{from}`");
    book.write(file, text.replace(from, to));
}

fn has(changed: &[String], path: &str) -> bool {
    changed.iter().any(|p| p == path)
}

#[test]
fn a_guide_body_edit_changes_its_page_and_the_search_index_only() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        edit(
            book,
            "content/pages/guides/hiring.md",
            "Use [the kit]",
            "## A new part\nSee [the promotion guide](@/pages/promotion).\n\nUse [the kit]",
        );
    });
    // The print edition carries the guide; no other page shows its body.
    assert_eq!(
        changed,
        [
            "assets/search-index.js",
            "pages/guides/hiring.html",
            "print.html"
        ]
    );
}

#[test]
fn a_guide_title_changes_the_navigation_of_every_other_guide() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        edit(
            book,
            "content/pages/promotion.md",
            "title: How promotion works",
            "title: How promotions work",
        );
    });
    assert!(has(&changed, "pages/guides/hiring.html"), "{changed:?}");
    assert!(has(&changed, "pages/index.html"), "{changed:?}");
}

#[test]
fn a_competency_edit_changes_the_level_pages_that_show_it() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        edit(
            book,
            "content/competencies/coaching.yaml",
            "Mentors two engineers.",
            "Mentors three engineers.",
        );
    });
    assert!(has(&changed, "levels/sre-3.html"), "{changed:?}");
    assert!(has(&changed, "competencies/coaching.html"), "{changed:?}");
}

#[test]
fn book_toml_changes_every_page() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        edit(book, "book.toml", "Fixture Ladder", "Fixture Handbook");
    });
    for page in [
        "pages/promotion.html",
        "pages/guides/hiring.html",
        "levels/sre-1.html",
    ] {
        assert!(has(&changed, page), "{page}: {changed:?}");
    }
}

#[test]
fn the_books_strings_change_the_guides_that_show_them() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        let config = std::fs::read_to_string(book.root().join("book.toml")).expect("readable");
        book.write(
            "book.toml",
            format!("{config}\n[strings]\nnav_guides = \"Handbook\"\n"),
        );
    });
    assert!(has(&changed, "pages/promotion.html"), "{changed:?}");
}

#[test]
fn a_themes_strings_file_changes_the_guides_that_show_them() {
    let book = valid();
    let changed = changed_by(&book, |book| {
        book.write("themes/default/strings.toml", "nav_guides = \"Handbook\"\n");
    });
    assert!(has(&changed, "pages/promotion.html"), "{changed:?}");
}

#[test]
fn a_template_override_changes_the_pages_made_with_it() {
    let book = valid();
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .expect("the built-in page template");
    let marker = "<!-- the book's own page template -->";
    let changed = changed_by(&book, |book| {
        book.write(
            "themes/default/templates/page.html",
            builtin.replacen(
                "<article class=\"prose page-body\">",
                &format!("{marker}<article class=\"prose page-body\">"),
                1,
            ),
        );
    });
    assert!(has(&changed, "pages/promotion.html"), "{changed:?}");
    let page =
        std::fs::read_to_string(book.root().join("site/pages/promotion.html")).expect("the page");
    assert!(page.contains(marker), "{page}");
}

#[test]
fn a_guide_is_rendered_again_when_its_link_target_goes_away() {
    let book = valid();
    book.run(&["build", "."]).assert_code(0);
    book.run(&["build", "."]).assert_code(0);
    // The guide's own file is untouched; the scorecard it links to loses
    // the interview its link names.
    let scorecard = std::fs::read_to_string(book.root().join("content/scorecards/senior-sre.yaml"))
        .expect("readable");
    book.write(
        "content/scorecards/senior-sre.yaml",
        scorecard.replace("incident-sim", "incident-drill"),
    );
    let run = book.run(&["build", "."]);
    run.assert_code(1);
    assert!(run.stderr().contains("hiring.md"), "{}", run.stderr());
}
