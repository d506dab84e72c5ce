//! `ladderbook build`: the produced pages' content, not only their existence.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{TestBook, main_of, read_site};

fn build(book: &TestBook) -> crate::support::Run {
    book.run(&["build", "."])
}

fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no element with {marker}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

/// Every file of a site and its bytes, but the manifest: it records the
/// inodes and times the files have on this disk (tests/integration/rebuild.rs).
fn tree_digest(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".ladderbook-manifest")
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn every_address_of_the_spec_is_written() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    for path in [
        "index.html",
        "matrix.html",
        "levels/index.html",
        "levels/sre-1.html",
        "levels/mgr-1.html",
        "competencies/index.html",
        "competencies/incident-management.html",
        "archetypes/index.html",
        "archetypes/slo-guard.html",
        "scorecards/index.html",
        "scorecards/senior-sre.html",
        "pages/promotion.html",
        "pages/guides/hiring.html",
        "assess.html",
        "print.html",
        "ladder.json",
        "matrix.csv",
        "404.html",
        "assets/style.css",
        "assets/favicon.svg",
    ] {
        assert!(
            book.root().join("site").join(path).is_file(),
            "missing {path}"
        );
    }
}

#[test]
fn what_changes_lists_new_and_grown_expectations() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let page = read_site(&book, "levels/sre-2.html");
    let changes = section(main_of(&page), "what-changes");
    assert!(
        changes.contains("What changes from Site Reliability Engineer I"),
        "{changes}"
    );
    // SLO practice is not expected at sre-1: it starts here.
    let slo = &changes[changes.find("SLO practice").expect("slo-practice listed")..];
    assert!(changes.contains("badge-starts"));
    assert!(slo.contains("Defines SLIs for one service."));
    // Incident management has its own, different entry at sre-2: it grows.
    assert!(changes.contains("badge-grows"));
    assert!(changes.contains("Leads Sev-3 incidents; writes the postmortem."));
    assert!(
        changes.contains("Joins the on-call rotation after shadowing"),
        "the old text is shown as 'was'"
    );
    // Coaching starts only at sre-3.
    assert!(!changes.contains("Coaching"));
    let sre3 = read_site(&book, "levels/sre-3.html");
    let changes3 = section(main_of(&sre3), "what-changes");
    assert!(changes3.contains("Coaching") && changes3.contains("Mentors two engineers."));
    assert!(
        !changes3.contains("Incident management"),
        "carried over: no change at sre-3"
    );
}

#[test]
fn carried_over_entries_are_marked() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let page = read_site(&book, "levels/sre-3.html");
    let article = section(main_of(&page), "incident-management");
    assert!(article.contains("carried over from L2"), "{article}");
    assert!(article.contains("Leads Sev-3 incidents"));
    let own = section(main_of(&page), "slo-practice");
    assert!(!own.contains("carried over"));
}

#[test]
fn matrix_cells_match_the_yaml() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let page = read_site(&book, "matrix.html");
    let ic = section(main_of(&page), "track-ic");
    let row = &ic[ic.find("id=\"ic-incident-management\"").expect("row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    let cells: Vec<&str> = row.split("<td").skip(1).collect();
    assert_eq!(cells.len(), 3, "one cell per IC level: {row}");
    assert!(cells[0].contains("Joins the on-call rotation after shadowing; follows runbooks."));
    assert!(cells[1].contains("Leads Sev-3 incidents; writes the postmortem."));
    assert!(cells[2].contains("carried") && cells[2].contains("↳ L2"));
    let slo = &ic[ic.find("id=\"ic-slo-practice\"").expect("row")..];
    let slo = &slo[..slo.find("</tr>").unwrap()];
    assert!(
        slo.split("<td").nth(1).unwrap().contains("empty"),
        "not expected at sre-1"
    );
    let management = section(main_of(&page), "track-management");
    assert!(management.contains("Runs the incident process for the team."));
    assert!(
        !management.contains("SLO practice"),
        "no management entry, no row"
    );
}

#[test]
fn links_are_relative_to_each_page() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let level = read_site(&book, "levels/sre-1.html");
    assert!(level.contains("href=\"../levels/sre-2.html\""));
    assert!(level.contains("href=\"../assets/style.css\""));
    let nested = read_site(&book, "pages/guides/hiring.html");
    assert!(
        nested.contains("href=\"../../scorecards/senior-sre.html#incident-sim\""),
        "{}",
        main_of(&nested)
    );
    let home = read_site(&book, "index.html");
    assert!(home.contains("href=\"levels/sre-1.html\""));
    assert!(!home.contains('\u{1}'), "no root marker left");
    for page in [
        "matrix.html",
        "print.html",
        "levels/sre-3.html",
        "pages/promotion.html",
    ] {
        let html = read_site(&book, page);
        assert!(
            !html.contains("href=\"/"),
            "{page} has a root-absolute link"
        );
        assert!(!html.contains('\u{1}'), "{page} has a root marker left");
    }
}

#[test]
fn plain_yaml_strings_are_escaped() {
    let book = TestBook::fixture("books/valid")
        .with(
            "content/levels/sre-1.md",
            "---\ntitle: \"<script>alert('t')</script> Engineer\"\ncode: \"<b>L1</b>\"\ntrack: ic\nrank: 1\n---\nBody.\n",
        )
        .with(
            "content/competencies/coaching.yaml",
            "name: \"Coaching <img src=x onerror=alert(1)>\"\narea: Collaboration\nexpectations:\n  sre-3: Mentors two engineers.\n",
        );
    build(&book).assert_code(0);
    for page in [
        "levels/sre-1.html",
        "matrix.html",
        "index.html",
        "competencies/coaching.html",
        "print.html",
    ] {
        let html = read_site(&book, page);
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("<b>L1</b>"), "{page}");
    }
    let level = read_site(&book, "levels/sre-1.html");
    assert!(
        level.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;&#x2F;script&gt; Engineer")
            || level.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Engineer"),
        "{}",
        main_of(&level)
    );
    let json = read_site(&book, "ladder.json");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        parsed["levels"][0]["title"], "<script>alert('t')</script> Engineer",
        "JSON keeps data as data"
    );
}

#[test]
fn raw_html_in_markdown_is_dropped_unless_allowed() {
    let body = "---\ntitle: Promotion\n---\nBefore <span class=\"x\">inline</span> after.\n\n<div onclick=\"evil()\">block</div>\n\n[x](javascript:alert(1))\n";
    let book = TestBook::fixture("books/valid").with("content/pages/promotion.md", body);
    build(&book).assert_code(0);
    let page = main_of(&read_site(&book, "pages/promotion.html")).to_string();
    assert!(
        !page.contains("<span class=\"x\">") && !page.contains("onclick"),
        "{page}"
    );
    assert!(page.contains("Before") && page.contains("after."));
    assert!(!page.to_lowercase().contains("javascript:"), "{page}");

    let allowed = TestBook::fixture("books/valid")
        .with("content/pages/promotion.md", body)
        .with("book.toml", "[book]\ntitle = \"Fixture\"\n[ladder]\nareas = [\"Reliability\", \"Collaboration\"]\n[markdown]\nallow-html = true\n");
    build(&allowed).assert_code(0);
    let page = main_of(&read_site(&allowed, "pages/promotion.html")).to_string();
    assert!(page.contains("<span class=\"x\">inline</span>"), "{page}");
    assert!(
        !page.to_lowercase().contains("javascript:"),
        "dangerous schemes go even when HTML is allowed"
    );
}

#[test]
fn output_is_byte_identical_across_builds() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let first = tree_digest(&book.root().join("site"));
    build(&book).assert_code(0);
    let second = tree_digest(&book.root().join("site"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between two builds");
    }
    // And a copy of the book elsewhere builds to the same bytes.
    let copy = TestBook::fixture("books/valid");
    build(&copy).assert_code(0);
    assert!(tree_digest(&copy.root().join("site")) == first);
}

#[test]
fn a_failing_build_leaves_the_previous_site_untouched() {
    // A problem found on loading, and one found only while the pages are
    // written (a guide's broken link), when half the new site exists.
    let failures = [
        (
            "content/levels/sre-2.md",
            "---\ntitle: Broken\nrank: [\n---\n",
        ),
        (
            "content/pages/promotion.md",
            "---\ntitle: Promotion\n---\nSee [the guard](@/archetypes/slo-gaurd).\n",
        ),
    ];
    for (file, text) in failures {
        let book = TestBook::fixture("books/valid");
        build(&book).assert_code(0);
        let before = tree_digest(&book.root().join("site"));
        book.write(file, text);
        let run = build(&book);
        run.assert_code(1);
        assert!(
            run.stderr().contains(&format!("{file}:")),
            "{}",
            run.stderr()
        );
        assert!(
            tree_digest(&book.root().join("site")) == before,
            "the old site must survive a problem in {file}"
        );
        let leftovers: Vec<_> = std::fs::read_dir(book.root())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("building"))
            .collect();
        assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    }
}

#[test]
fn a_template_error_in_the_books_theme_is_reported_with_its_position() {
    let book = TestBook::fixture("books/valid")
        .with("themes/default/templates/404.html", "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ missing.field }}</p>\n{% endblock content %}\n");
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("themes/default/templates/404.html:3:"),
        "{lines:?}"
    );
    let built = build(&book);
    built.assert_code(1);
    assert!(!book.root().join("site").exists());
}

#[test]
fn a_template_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    let book = TestBook::fixture("books/valid")
        .with(
            "themes/default/templates/404.html",
            b"{% extends \"base.html\" %}\n<p>\xe9t\xe9</p>\n",
        )
        .with("themes/default/templates/partials/footer.html", b"\xff");
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "themes/default/templates/404.html:2:4: error[not-utf8]: this template is not valid UTF-8 text",
            "themes/default/templates/partials/footer.html:1:1: error[not-utf8]: this template is not valid UTF-8 text",
        ]
    );
    build(&book).assert_code(1);
    assert!(!book.root().join("site").exists());
}

#[test]
fn a_base_template_without_the_blocks_the_built_in_pages_fill_is_the_books_error() {
    let book = TestBook::fixture("books/valid").with(
        "themes/default/templates/base.html",
        "<!doctype html><title>{{ title }}</title><main>{% block main %}{% endblock main %}</main>\n",
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let lines = run.diagnostic_lines();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with("themes/default/templates/base.html:1:1: error[template]: this template breaks the built-in template"),
            "{lines:?}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|line| line.contains("level.html") && line.contains("Block `content`")),
        "{lines:?}"
    );
}

#[test]
fn a_theme_override_replaces_one_template() {
    let book = TestBook::fixture("books/valid").with(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Lost in the ladder</h1>{% endblock content %}",
    ).with("themes/default/static/extra.css", "body{}");
    build(&book).assert_code(0);
    assert!(read_site(&book, "404.html").contains("Lost in the ladder"));
    assert!(
        read_site(&book, "index.html").contains("Welcome to the"),
        "other templates stay built in"
    );
    assert_eq!(read_site(&book, "assets/extra.css"), "body{}");
}

#[test]
fn out_overrides_the_output_folder_and_static_files_are_copied() {
    let book = TestBook::fixture("books/valid").with("content/static/img/logo.svg", "<svg/>");
    book.run(&["build", ".", "--out", "public"]).assert_code(0);
    assert!(book.root().join("public/index.html").is_file());
    assert_eq!(
        std::fs::read_to_string(book.root().join("public/img/logo.svg")).unwrap(),
        "<svg/>"
    );
    assert!(!book.root().join("site").exists());
}

/// Issue 22: a build replaces the whole output folder, so a host's files
/// (docs/deploying.md) live in `content/static/`; the hidden ones among
/// them must get through, an editor's or the system's must not.
#[test]
fn a_hosts_files_in_content_static_reach_the_site() {
    let mut book = TestBook::fixture("books/valid");
    for (file, text) in [
        ("CNAME", "ladder.example.org\n"),
        (".nojekyll", ""),
        (".htaccess", "ErrorDocument 404 /404.html\n"),
        (
            ".well-known/security.txt",
            "Contact: mailto:security@example.org\n",
        ),
        (".DS_Store", "junk"),
        ("img/.logo.svg.swp", "junk"),
        (".git/config", "junk"),
        (".well-known/.hidden", "junk"),
        ("img/.nojekyll", "junk"),
    ] {
        book = book.with(&format!("content/static/{file}"), text);
    }
    build(&book).assert_code(0);
    for (file, text) in [
        ("CNAME", "ladder.example.org\n"),
        (".nojekyll", ""),
        (".htaccess", "ErrorDocument 404 /404.html\n"),
        (
            ".well-known/security.txt",
            "Contact: mailto:security@example.org\n",
        ),
    ] {
        assert_eq!(read_site(&book, file), text, "{file}");
    }
    for file in [
        ".DS_Store",
        "img/.logo.svg.swp",
        ".git",
        ".well-known/.hidden",
        "img",
    ] {
        assert!(!book.root().join("site").join(file).exists(), "{file}");
    }
}

/// Issue 22: the docs say where a host's files go, in the example the
/// test above builds, and the README shows `check --links`.
#[test]
fn the_docs_say_where_a_hosts_files_go_and_show_check_links() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let deploying = std::fs::read_to_string(repo.join("docs/deploying.md")).expect("docs exist");
    let section = deploying
        .split("## ")
        .find(|s| s.starts_with("Files for the host"))
        .expect("docs/deploying.md has a section on a host's files");
    for needle in [
        "replaces the whole output folder",
        "content/static/",
        "CNAME",
        ".nojekyll",
        ".well-known/security.txt",
    ] {
        assert!(section.contains(needle), "the section lacks {needle}");
    }
    let readme = std::fs::read_to_string(repo.join("README.md")).expect("README exists");
    assert!(
        readme.contains("check my-ladder --links"),
        "README lacks check --links"
    );
}

#[test]
fn the_output_cannot_replace_the_books_sources() {
    let book = TestBook::fixture("books/valid");
    for out in ["content", ".", "content/levels"] {
        let run = book.run(&["build", ".", "--out", out]);
        run.assert_code(2);
        assert!(run.stderr().contains("refusing"), "{out}: {}", run.stderr());
    }
    assert!(book.root().join("content/levels/sre-1.md").is_file());
}

#[test]
fn exports_match_the_site_files() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let csv = book.run(&["export", ".", "--format", "csv"]);
    csv.assert_code(0);
    assert_eq!(csv.stdout, read_site(&book, "matrix.csv"));
    let header = csv.stdout.lines().next().unwrap();
    assert_eq!(
        header,
        "track,level,level_code,level_title,rank,area,competency,competency_name,expectation,carried_from"
    );
    assert!(csv.stdout.contains("ic,sre-3,L3,Senior Site Reliability Engineer,3,Reliability,incident-management,Incident management,Leads Sev-3 incidents; writes the postmortem.,sre-2"));
    let json = book.run(&["export", ".", "--format", "json"]);
    json.assert_code(0);
    assert_eq!(json.stdout, read_site(&book, "ladder.json"));
    let parsed = json.json();
    assert_eq!(parsed["format"], "ladderbook.ladder/1");
    assert_eq!(parsed["competencies"].as_array().unwrap().len(), 3);
}

#[test]
fn the_summary_line_reports_pages_bytes_and_time() {
    let book = TestBook::fixture("books/valid");
    let run = build(&book);
    run.assert_code(0);
    let stderr = run.stderr();
    assert!(
        stderr.contains("build: 21 pages to ")
            && stderr.contains(" ms: ")
            && stderr.contains(" files written, 0 unchanged (")
            && stderr.contains(" KB in all;"),
        "{stderr}"
    );
}

#[test]
fn the_scorecard_kit_has_loop_coverage() {
    let book = TestBook::fixture("books/valid");
    build(&book).assert_code(0);
    let page = read_site(&book, "scorecards/senior-sre.html");
    let coverage = section(main_of(&page), "coverage");
    // sre-3 expects incident-management, slo-practice and coaching; the loop
    // rates the first two, so coaching is called out.
    assert!(coverage.contains("1 of 3 are not assessed"), "{coverage}");
    let coaching = &coverage[coverage.find(">Coaching<").expect("coaching row")..];
    assert!(coaching[..coaching.find("</tr>").unwrap()].contains("not assessed"));
    assert!(main_of(&page).contains("id=\"incident-sim\""));
}

#[test]
fn verbose_builds_show_where_the_time_went() {
    let book = TestBook::fixture("books/valid");
    let run = book.run(&["build", ".", "--verbose"]);
    run.assert_code(0);
    let stderr = run.stderr();
    for stage in [
        "load: walk and read",
        "load: decode",
        "load: resolve",
        "load: templates (alongside)",
        "render: pages",
        "render: print edition",
        "render: search index",
        "write: swap into place",
    ] {
        let line = stderr
            .lines()
            .find(|line| line.contains(stage))
            .unwrap_or_else(|| panic!("no `{stage}` in:\n{stderr}"));
        assert!(line.trim_end().ends_with(" ms"), "{line}");
    }
    let quiet = build(&book);
    assert!(
        !quiet.stderr().contains("render: pages"),
        "{}",
        quiet.stderr()
    );
}

/// The guides' part of a page's sidebar.
fn side_pages(html: &str) -> &str {
    let start = html
        .find("<ul class=\"side-pages\">")
        .expect("a guide shows the guides' navigation");
    let rest = &html[start..];
    &rest[..rest.find("</div>").expect("the side group closes")]
}

#[test]
fn the_sidebar_lists_a_window_of_a_long_folder_around_the_page() {
    let mut book = TestBook::fixture("books/valid");
    for n in 1..=30 {
        book = book.with(
            &format!("content/pages/long/p{n:02}.md"),
            format!("---\ntitle: Part {n}\norder: {n}\n---\nText {n}.\n"),
        );
    }
    build(&book).assert_code(0);
    let middle = read_site(&book, "pages/long/p15.html");
    let nav = side_pages(&middle);
    // Six on each side of the current page, and a link to the full list for
    // the rest, at both ends.
    for n in 9..=21 {
        assert!(
            nav.contains(&format!(">Part {n}<")),
            "Part {n} missing:\n{nav}"
        );
    }
    for n in [8, 22] {
        assert!(
            !nav.contains(&format!(">Part {n}<")),
            "Part {n} shown:\n{nav}"
        );
    }
    assert!(
        nav.contains("href=\"../../pages/index.html\">… 8 more</a>"),
        "{nav}"
    );
    assert!(
        nav.contains("href=\"../../pages/index.html\">… 9 more</a>"),
        "{nav}"
    );
    assert!(
        nav.contains("<a href=\"../../pages/long/p15.html\" aria-current=\"page\">Part 15</a>"),
        "{nav}"
    );
    assert_eq!(nav.matches("aria-current").count(), 1, "{nav}");
    // Near the start the window keeps its size, and other folders stay closed.
    let first = side_pages_owned(&read_site(&book, "pages/long/p01.html"));
    assert!(
        first.contains(">Part 13<") && !first.contains(">Part 14<"),
        "{first}"
    );
    assert!(first.contains("… 17 more"), "{first}");
    assert!(!first.contains("… 8 more"), "{first}");
    // A page outside the folder shows it closed: none of its pages listed.
    let elsewhere = side_pages_owned(&read_site(&book, "pages/promotion.html"));
    assert!(elsewhere.contains(">Long<"), "{elsewhere}");
    assert!(!elsewhere.contains("Part 1"), "{elsewhere}");
}

fn side_pages_owned(html: &str) -> String {
    side_pages(html).to_string()
}

#[test]
fn closed_navigation_entries_come_from_their_own_partial() {
    let book = TestBook::fixture("books/valid").with(
        "themes/default/templates/partials/nav-entry.html",
        "<li class=\"closed\">{% if entry.href %}<a href=\"{{ entry.href }}\">{{ entry.title }}</a>{% else %}{{ entry.title }}{% endif %}</li>",
    );
    build(&book).assert_code(0);
    let promotion = read_site(&book, "pages/promotion.html");
    let nav = side_pages(&promotion);
    // The other top-level entries are closed: written by the partial.
    assert!(nav.contains("<li class=\"closed\">"), "{nav}");
    // The page itself is on the way: written by partials/nav-open.html,
    // marked current.
    let current = nav
        .split("<li")
        .find(|entry| entry.contains("aria-current"))
        .expect("the current page is listed");
    assert!(!current.contains("class=\"closed\""), "{nav}");
}

#[test]
fn entries_on_the_way_to_a_page_come_from_their_own_partial() {
    let book = TestBook::fixture("books/valid").with(
        "themes/default/templates/partials/nav-open.html",
        "<li class=\"open\" data-current=\"{{ entry.current }}\">{{ entry.title }}{% if children %}<ol>{{ children }}</ol>{% endif %}</li>",
    );
    build(&book).assert_code(0);
    let guide = read_site(&book, "pages/guides/hiring.html");
    let nav = side_pages(&guide);
    // The folder holds the page: open, around its own list, where the page
    // is open too and the current one.
    let folder = nav
        .find("<li class=\"open\" data-current=\"false\">Guides<ol>")
        .unwrap_or_else(|| panic!("the folder is open:\n{nav}"));
    let inner = &nav[folder..];
    let page = inner
        .find("<li class=\"open\" data-current=\"true\">Running a loop</li>")
        .unwrap_or_else(|| panic!("the page is open and current:\n{nav}"));
    assert!(
        page < inner.find("</ol>").expect("the list closes"),
        "{nav}"
    );
    // Closed entries keep the built-in closed markup.
    assert!(
        nav.contains("<li><a href=\"../../pages/promotion.html\">"),
        "{nav}"
    );
}

#[test]
fn the_shared_page_parts_come_from_partials_rendered_for_their_section() {
    let book = TestBook::fixture("books/valid")
        .with(
            "themes/default/templates/partials/footer.html",
            "<footer>Kept by {{ site.title }}</footer>",
        )
        .with(
            "themes/default/templates/partials/levels-nav.html",
            "{% for track in site.tracks %}{% for level in track.levels %}<b>{{ level.link.id }}{% if level.link.id == current_level %} (shown){% endif %}</b>{% endfor %}{% endfor %}",
        )
        .with(
            "themes/default/templates/partials/header.html",
            "<header>section={{ section }}</header>",
        );
    build(&book).assert_code(0);
    let level = read_site(&book, "levels/sre-2.html");
    assert!(level.contains("<header>section=levels</header>"), "{level}");
    assert!(level.contains("<b>sre-2 (shown)</b>"), "{level}");
    assert!(level.contains("<b>sre-1</b>"), "{level}");
    assert!(level.contains("<footer>Kept by "), "{level}");
    let guide = read_site(&book, "pages/promotion.html");
    assert!(guide.contains("<header>section=pages</header>"), "{guide}");
    assert!(!guide.contains("(shown)"), "{guide}");
    let matrix = read_site(&book, "matrix.html");
    assert!(
        matrix.contains("<header>section=matrix</header>"),
        "{matrix}"
    );
}

#[test]
fn an_error_in_a_partial_is_reported_at_its_position() {
    // Most of these partials render once per build, outside any page, and
    // still report their own file:line:col.
    for partial in ["nav-entry", "nav-open", "header", "levels-nav", "footer"] {
        let file = format!("themes/default/templates/partials/{partial}.html");
        let book =
            TestBook::fixture("books/valid").with(&file, "<p>\n{{ site.title.missing.field }}</p>");
        let run = build(&book);
        run.assert_code(1);
        assert!(
            run.stderr().contains(&format!("{file}:2:")),
            "{partial}: {}",
            run.stderr()
        );
        assert!(!book.root().join("site").exists(), "{partial}");
    }
}

#[test]
fn an_output_that_is_not_a_site_is_never_replaced() {
    let book = TestBook::fixture("books/valid")
        .with("notes/today.md", "my own notes\n")
        .with("report.pdf", "%PDF-1.7\n");
    // A folder of someone's files, and a file, given as --out by mistake.
    for (out, kept) in [("notes", "notes/today.md"), ("report.pdf", "report.pdf")] {
        let before = std::fs::read(book.root().join(kept)).expect("the file is there");
        let run = book.run(&["build", ".", "--out", out]);
        run.assert_code(2);
        assert!(
            run.stderr
                .contains(&format!("refusing to write the site to `{out}`")),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read(book.root().join(kept)).ok(), Some(before));
        assert!(!book.root().join(out).join("index.html").exists());
    }
    // An empty folder, and a site ladderbook built there before, are fine.
    std::fs::create_dir(book.root().join("empty")).expect("created");
    book.run(&["build", ".", "--out", "empty"]).assert_code(0);
    book.run(&["build", ".", "--out", "empty"]).assert_code(0);
    assert!(book.root().join("empty/index.html").exists());
    let leftovers: Vec<_> = std::fs::read_dir(book.root())
        .expect("the book folder is readable")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
