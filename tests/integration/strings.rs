//! The interface's words and direction (issue 22): `[strings]` in book.toml
//! and a theme's `strings.toml` change the words of the built-in pages;
//! unknown keys are errors with a close key; a right-to-left language sets
//! `dir="rtl"`.

use crate::support::{TestBook, read_site};

const BOOK_TOML: &str = "[book]\ntitle = \"Fixture Ladder\"\n\n[ladder]\nareas = [\"Reliability\", \"Collaboration\"]\n";

#[test]
fn a_book_and_its_theme_change_the_words_of_the_interface() {
    let book = TestBook::fixture("books/valid")
        .with(
            "book.toml",
            format!(
                "{BOOK_TOML}\n[strings]\nnav_matrix = \"Grille\"\ncarried_over_from = \"repris de\"\nmatrix_title = \"Grille des compétences\"\nexport_json = \"Exporter en JSON\"\nchanges_rest = \" ; le reste est repris tel quel.\"\nchanges_and = \"et\"\ncoverage_gaps = \"{{uncovered}} sur {{total}} sans entretien\"\n"
            ),
        )
        .with(
            "themes/default/strings.toml",
            "nav_matrix = \"Tableau\"\nnav_levels = \"Niveaux\"\nnot_found_title = \"Page introuvable\"\n",
        );
    book.run(&["build", "."]).assert_code(0);
    let level = read_site(&book, "levels/sre-3.html");
    // book.toml wins over the theme, the theme over English.
    assert!(level.contains(">Grille</a>"), "{level}");
    assert!(level.contains(">Niveaux</a>"), "{level}");
    assert!(level.contains(">Competencies</a>"), "{level}");
    assert!(level.contains("repris de "), "{level}");
    assert!(!level.contains("carried over from"), "{level}");
    assert!(
        level.contains(" et ") && level.contains(" ; le reste est repris tel quel.</p>"),
        "{level}"
    );
    let matrix = read_site(&book, "matrix.html");
    assert!(
        matrix.contains("<title>Grille des compétences · Fixture Ladder</title>")
            && matrix.contains("<h1>Grille des compétences</h1>"),
        "{matrix}"
    );
    assert!(read_site(&book, "404.html").contains("<h1>Page introuvable</h1>"));
    let kit = read_site(&book, "scorecards/senior-sre.html");
    assert!(
        kit.contains("data-action=\"export\">Exporter en JSON</button>"),
        "{kit}"
    );
    assert!(read_site(&book, "print.html").contains("<h2>Grille des compétences</h2>"));
}

/// The JSON in `<script type="application/json" id="{id}">` on a page.
fn script_words(page: &str, id: &str) -> serde_json::Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = page
        .find(&open)
        .unwrap_or_else(|| panic!("no #{id}: {page}"))
        + open.len();
    let end = start + page[start..].find("</script>").expect("the element ends");
    serde_json::from_str(&page[start..end]).expect("the words are JSON")
}

#[test]
fn the_scripts_words_reach_them_as_json_that_cannot_break_out_of_its_element() {
    let hostile = r#"Rien pour « {query} » </script><script>alert("x")</script> & 'quote'"#;
    let book = TestBook::fixture("books/valid").with(
        "book.toml",
        format!(
            "{BOOK_TOML}\n[strings]\nsearch_no_results = {}\nscorecard_need_rating = \"Notez au moins une dimension.\"\nassess_none_head = \"Pas encore évalué\"\n",
            serde_json::to_string(hostile).unwrap()
        ),
    );
    book.run(&["build", "."]).assert_code(0);
    for (path, id, key, expected) in [
        ("index.html", "search-words", "search_no_results", hostile),
        (
            "levels/sre-3.html",
            "search-words",
            "search_no_results",
            hostile,
        ),
        (
            "scorecards/senior-sre.html",
            "scorecard-words",
            "scorecard_need_rating",
            "Notez au moins une dimension.",
        ),
        (
            "assess.html",
            "assess-words",
            "assess_none_head",
            "Pas encore évalué",
        ),
        ("assess.html", "assess-words", "assess_not_yet", "Not yet"),
    ] {
        let page = read_site(&book, path);
        // The book's `</script>` stays text inside the JSON: `<` escaped.
        assert!(!page.contains("<script>alert"), "{path}: {page}");
        assert_eq!(script_words(&page, id)[key], expected, "{path}");
    }
    let index = read_site(&book, "index.html");
    assert!(index.contains(r"\u003c/script\u003e\u003cscript\u003ealert"));
    assert!(!index.contains("scorecard-words") && !index.contains("assess-words"));
    let words = script_words(&index, "search-words");
    assert_eq!(words.as_object().map(|o| o.len()), Some(6), "{words}");
}

#[test]
fn unknown_words_are_errors_with_the_key_meant() {
    let book = TestBook::fixture("books/valid").with(
        "book.toml",
        format!("{BOOK_TOML}\n[strings]\nnav_matrx = \"Grille\"\nnav_levels = [\"Niveaux\"]\n"),
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert_eq!(
        lines[0],
        "book.toml:8:1: error[unknown-field]: unknown field `nav_matrx` in [strings]"
    );
    assert!(
        lines[1].starts_with("book.toml:9:14: error[wrong-type]"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(
        run.json()["diagnostics"][0]["help"],
        "did you mean `nav_matrix`?"
    );
    book.run(&["build", "."]).assert_code(1);
    assert!(!book.root().join("site").exists());

    // A theme's table is checked as the site renders, by check and build.
    let book = TestBook::fixture("books/valid").with(
        "themes/default/strings.toml",
        "carried_over_fro = \"repris de\"\n",
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "themes/default/strings.toml:1:1: error[unknown-field]: unknown field `carried_over_fro` in the strings table"
        ]
    );
    assert_eq!(
        run.json()["diagnostics"][0]["help"],
        "did you mean `carried_over_from`?"
    );
    book.run(&["build", "."]).assert_code(1);
}

#[test]
fn right_to_left_languages_set_the_direction_of_every_page() {
    for (language, dir) in [
        ("ar", true),
        ("he-IL", true),
        ("fa", true),
        ("ur-PK", true),
        ("en", false),
        ("fr-CA", false),
    ] {
        let book = TestBook::fixture("books/valid").with(
            "book.toml",
            format!("[book]\ntitle = \"Ladder\"\nlanguage = \"{language}\"\n"),
        );
        book.run(&["build", "."]).assert_code(0);
        for page in [
            "index.html",
            "matrix.html",
            "levels/sre-2.html",
            "404.html",
            "print.html",
        ] {
            let html = read_site(&book, page);
            let expected = if dir {
                format!("<html lang=\"{language}\" dir=\"rtl\">")
            } else {
                format!("<html lang=\"{language}\">")
            };
            assert!(
                html.contains(&expected),
                "{language} {page}: {}",
                &html[..200.min(html.len())]
            );
        }
    }
}
