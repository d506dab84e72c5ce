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

/// Every file below `site` but the manifest, by path, with its inode (0
/// where the platform has none).
fn inodes(site: &Path) -> BTreeMap<String, u64> {
    files(site)
        .into_keys()
        .map(|path| {
            let metadata = std::fs::metadata(site.join(&path)).expect("listed");
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
            #[cfg(not(unix))]
            let inode = {
                let _ = &metadata;
                0
            };
            (path, inode)
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
            "assets/search/0.js",
            "pages/guides/hiring.html",
            "print.html"
        ]
    );
}

/// The search index is a head and shards: a book of a few hundred guides
/// has several, and one guide's body edit rewrites its page and the one
/// shard holding its entries, not the head nor the other shards.
#[test]
fn a_guide_body_edit_rewrites_one_shard_of_the_search_index() {
    let mut book = valid();
    for i in 0..400 {
        book = book.with(
            &format!("content/pages/many/g{i:03}.md"),
            format!("---\ntitle: Guide {i}\n---\nWords of guide {i}.\n\n## Part\n\nMore words.\n"),
        );
    }
    let edited = "pages/many/g399.html";
    let mut before = BTreeMap::new();
    let changed = changed_by(&book, |book| {
        before = inodes(&book.root().join("site"));
        edit(
            book,
            "content/pages/many/g399.md",
            "More words.",
            "More words, and a new one: zeppelin.",
        );
    });
    let site = files(&book.root().join("site"));
    let shards: Vec<&String> = site
        .keys()
        .filter(|path| path.starts_with("assets/search/"))
        .collect();
    assert_eq!(shards.len(), 2, "{shards:?}");
    let holding = |needle: &str| -> Vec<&String> {
        shards
            .iter()
            .copied()
            .filter(|path| String::from_utf8_lossy(&site[*path]).contains(needle))
            .collect()
    };
    let own = holding(edited);
    assert_eq!(own.len(), 1, "one shard holds the guide: {own:?}");
    assert!(
        String::from_utf8_lossy(&site[own[0]]).contains("zeppelin"),
        "its shard has the new words"
    );
    // The guide is past the print edition's first 300: only its page and
    // its shard change.
    assert_eq!(changed, [own[0].as_str(), edited], "{changed:?}");
    if cfg!(unix) {
        let after = inodes(&book.root().join("site"));
        let new: Vec<&String> = after
            .iter()
            .filter(|(path, inode)| before.get(*path) != Some(inode))
            .map(|(path, _)| path)
            .collect();
        assert_eq!(
            new,
            changed.iter().collect::<Vec<_>>(),
            "files written anew"
        );
    }
    let run = book.run(&["build", "."]);
    run.assert_code(0);
    assert!(
        run.stderr().contains(": 0 files written"),
        "{}",
        run.stderr()
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
