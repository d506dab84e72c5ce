//! `ladderbook check --links`: every internal link and `#anchor` of the
//! rendered site, reported where it was written.

use crate::support::TestBook;

#[test]
fn a_link_to_a_missing_heading_is_caught_only_with_links() {
    let book = TestBook::fixture("books/valid").with(
        "content/levels/sre-2.md",
        "---\ntitle: Site Reliability Engineer II\ncode: L2\ntrack: ic\nrank: 2\n---\n\
         ## Scope\nSee [promotion](@/pages/promotion#nope) and [the first](@/pages/promotion#promotion).\n",
    );
    book.check(&["--format", "json"]).assert_code(0);
    let run = book.check(&["--links", "--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/levels/sre-2.md:8:34: error[broken-link]: the page `levels/sre-2.html` links to `../pages/promotion.html#nope`, but `pages/promotion.html` has no element with the id `nope`",
        ]
    );
    let human = book.check(&["--links"]);
    insta::assert_snapshot!("check_links_missing_anchor", human.stderr());
}

#[test]
fn relative_links_to_missing_files_and_out_of_the_site_are_caught() {
    let book = TestBook::fixture("books/valid")
        .with(
            "content/pages/promotion.md",
            "---\ntitle: Promotion\n---\n[gone](missing.html) ![img](../nope.png) [up](../../../x.html) [ok](../levels/sre-1.html#scope)\n",
        )
        .with("content/pages/guides/hiring.md", "---\ntitle: Hiring\n---\n[mail](mailto:a@b.org) [web](https://example.org/x#y)\n");
    let run = book.check(&["--links", "--format", "json"]);
    run.assert_code(1);
    let mine: Vec<String> = run
        .diagnostic_lines()
        .into_iter()
        .filter(|line| line.starts_with("content/pages/promotion.md"))
        .collect();
    assert_eq!(
        mine,
        [
            "content/pages/promotion.md:4:8: error[broken-link]: the page `pages/promotion.html` links to `missing.html`, but the site has no file `pages/missing.html`",
            "content/pages/promotion.md:4:32: error[broken-link]: the page `pages/promotion.html` links to `../nope.png`, but the site has no file `nope.png`",
            "content/pages/promotion.md:4:56: error[broken-link]: the page `pages/promotion.html` links to `../../../x.html`, which leads above the site's root",
        ]
    );
}

#[test]
fn the_bundled_book_passes_check_links() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    let run = book.check(&["--links", "--deny-warnings", "--format", "json"]);
    assert_eq!(run.diagnostic_lines(), Vec::<String>::new());
    run.assert_code(0);
}

#[test]
fn template_errors_stop_the_link_check_with_their_own_diagnostic() {
    let book = TestBook::fixture("books/valid").with(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ nope.nope }}{% endblock content %}",
    );
    let run = book.check(&["--links", "--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l.contains("error[template]")),
        "{lines:?}"
    );
}
