//! Hostile input: ids and paths that try to leave the output folder, links
//! out of the book, huge and deeply nested files, alias bombs, script in every
//! field and in Markdown. Each ends in a diagnostic or a safe site, never in a
//! crash, a hang, unbounded memory, or a file outside the output folder.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{Run, TestBook};

/// Every path below `dir` (files, folders and links, links not followed).
fn listing(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .map(|entry| {
            let entry = entry.expect("the temporary folder is readable");
            entry.path().display().to_string()
        })
        .collect()
}

/// The temporary folder around the book (tests may write beside the book).
fn around(book: &TestBook) -> &Path {
    book.root().parent().expect("the book is one level down")
}

/// Runs `check --format json`, asserts it exited (not killed) with `exit`,
/// and returns the diagnostic lines.
#[track_caller]
fn check_lines(book: &TestBook, exit: i32) -> Vec<String> {
    let run = book.check(&["--format", "json"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(exit);
    run.diagnostic_lines()
}

/// `build` into the book's `site/`, asserting it did not crash.
#[track_caller]
fn build(book: &TestBook, exit: i32) -> Run {
    let run = book.run(&["build", "."]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(exit);
    run
}

fn site_files(book: &TestBook) -> Vec<(String, String)> {
    let site = book.root().join("site");
    walkdir::WalkDir::new(&site)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(&site).unwrap().display().to_string();
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
            (relative, text)
        })
        .collect()
}

const LEVEL: &str = "---\ntitle: Extra\ntrack: ic\nrank: RANK\nID---\n";

fn level(rank: u32, id: Option<&str>) -> String {
    LEVEL.replace("RANK", &rank.to_string()).replace(
        "ID",
        &id.map(|id| format!("id: {id}\n")).unwrap_or_default(),
    )
}

#[test]
fn ids_and_page_paths_that_could_leave_the_site_are_refused() {
    let scorecard = std::fs::read_to_string(
        crate::support::fixtures_dir().join("books/valid/content/scorecards/senior-sre.yaml"),
    )
    .unwrap()
    .replace("id: incident-sim", "id: ../../incident")
    .replace(
        "dimensions:",
        "scale:\n  - { id: a/b, label: A, value: 1 }\n  - { id: b, label: B, value: 2 }\ndimensions:",
    );
    let book = TestBook::fixture("books/valid")
        .with("content/levels/nul.md", level(11, None))
        .with("content/levels/com1.md", level(12, None))
        .with("content/levels/CON.md", level(13, None))
        .with("content/levels/parent.md", level(14, Some("../../x")))
        .with("content/levels/nul-byte.md", level(15, Some("\"a\\0b\"")))
        .with("content/levels/absolute.md", level(16, Some("/etc/passwd")))
        .with(
            "content/levels/backslash.md",
            level(17, Some("'..\\..\\x'")),
        )
        .with("content/levels/windows.md", level(18, Some("'C:\\x'")))
        .with("content/levels/device-id.md", level(19, Some("lpt9")))
        .with(
            "content/competencies/\u{430}rea.yaml",
            "name: Cyrillic\narea: Reliability\nexpectations:\n  sre-1: X.\n",
        )
        .with(
            "content/competencies/fullwidth.yaml",
            "id: \"a\u{ff0f}b\"\nname: Fullwidth\narea: Reliability\nexpectations:\n  sre-1: X.\n",
        )
        .with(
            "content/archetypes/dots.md",
            "---\nid: ..\nname: Dots\n---\n",
        )
        .with("content/scorecards/senior-sre.yaml", scorecard)
        .with("content/pages/a\u{ff0f}b.md", "---\ntitle: Slash\n---\n")
        .with("content/pages/back\\slash.md", "---\ntitle: Back\n---\n")
        .with("content/pages/aux/guide.md", "---\ntitle: Aux\n---\n")
        .with("content/pages/nul.md", "---\ntitle: Nul\n---\n")
        .with(
            "content/tracks.yaml",
            "- id: ic\n  name: IC\n- id: management\n  name: M\n- id: ../up\n  name: Up\n",
        );
    let lines: Vec<String> = check_lines(&book, 1)
        .into_iter()
        .filter(|line| line.contains("[invalid-id]"))
        .collect();
    assert_eq!(
        lines,
        [
            "content/archetypes/dots.md:2:5: error[invalid-id]: `..` is not a valid archetype id",
            "content/competencies/fullwidth.yaml:1:5: error[invalid-id]: `a\u{ff0f}b` is not a valid competency id",
            "content/competencies/\u{430}rea.yaml:1:1: error[invalid-id]: `\u{430}rea` is not a valid competency id",
            "content/levels/CON.md:1:1: error[invalid-id]: `CON` is not a valid level id",
            "content/levels/absolute.md:5:5: error[invalid-id]: `/etc/passwd` is not a valid level id",
            "content/levels/backslash.md:5:5: error[invalid-id]: `..\\..\\x` is not a valid level id",
            "content/levels/com1.md:1:1: error[invalid-id]: `com1` cannot be a level id: it is a device name on Windows",
            "content/levels/device-id.md:5:5: error[invalid-id]: `lpt9` cannot be a level id: it is a device name on Windows",
            "content/levels/nul-byte.md:5:5: error[invalid-id]: `a\0b` is not a valid level id",
            "content/levels/nul.md:1:1: error[invalid-id]: `nul` cannot be a level id: it is a device name on Windows",
            "content/levels/parent.md:5:5: error[invalid-id]: `../../x` is not a valid level id",
            "content/levels/windows.md:5:5: error[invalid-id]: `C:\\x` is not a valid level id",
            "content/pages/aux/guide.md:1:1: error[invalid-id]: the page path segment `aux` cannot be used: it is a device name on Windows",
            "content/pages/a\u{ff0f}b.md:1:1: error[invalid-id]: the page path segment `a\u{ff0f}b` is not a valid id",
            "content/pages/back\\slash.md:1:1: error[invalid-id]: the page path segment `back\\slash` is not a valid id",
            "content/pages/nul.md:1:1: error[invalid-id]: the page path segment `nul` cannot be used: it is a device name on Windows",
            "content/scorecards/senior-sre.yaml:5:11: error[invalid-id]: `a/b` is not a valid scale step id",
            "content/scorecards/senior-sre.yaml:15:9: error[invalid-id]: `../../incident` is not a valid interview id",
            "content/tracks.yaml:5:7: error[invalid-id]: `../up` is not a valid track id",
        ]
    );
    let before = listing(around(&book));
    build(&book, 1);
    assert_eq!(
        listing(around(&book)),
        before,
        "a refused build writes nothing anywhere"
    );
}

#[test]
fn symbolic_links_out_of_the_book_are_not_followed() {
    use std::os::unix::fs::symlink;
    let book = TestBook::fixture("books/valid");
    let outside = around(&book).join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("secret.md"),
        "---\ntitle: TOP-SECRET\n---\nTOP-SECRET body\n",
    )
    .unwrap();
    let content = book.root().join("content");
    symlink(outside.join("secret.md"), content.join("pages/leak.md")).unwrap();
    symlink(&outside, content.join("pages/leaked-folder")).unwrap();
    std::fs::create_dir_all(content.join("static")).unwrap();
    symlink(&outside, content.join("static/leak")).unwrap();
    symlink("/etc/passwd", content.join("static/passwd")).unwrap();
    let lines = check_lines(&book, 0);
    let message = "warning[symlink-skipped]: symbolic links in content/ are not followed; this one is skipped";
    assert_eq!(
        lines,
        [
            format!("content/pages/leak.md:1:1: {message}"),
            format!("content/pages/leaked-folder:1:1: {message}"),
            format!("content/static/leak:1:1: {message}"),
            format!("content/static/passwd:1:1: {message}"),
        ]
    );
    let before = listing(around(&book));
    let run = build(&book, 0);
    assert!(run.stderr().contains("symlink-skipped"), "{}", run.stderr());
    let site = book.root().join("site").display().to_string();
    for added in listing(around(&book)).difference(&before) {
        assert!(
            added.starts_with(&site),
            "written outside the site: {added}"
        );
    }
    for (path, text) in site_files(&book) {
        assert!(!path.contains("leak") && !path.contains("passwd"), "{path}");
        assert!(
            !text.contains("TOP-SECRET") && !text.contains("root:x:0"),
            "{path}"
        );
    }
}

/// Issue 22: the printer quoted the first line of a skipped link's target
/// under the `symlink-skipped` warning. No command may show any of a linked
/// file's text: not on stdout, not on stderr, not in the site.
#[test]
fn no_command_shows_the_text_of_a_file_behind_a_skipped_link() {
    use std::os::unix::fs::symlink;
    let book = TestBook::fixture("books/valid");
    let secret = around(&book).join("secret.txt");
    let secret_lines = [
        "token: sk-live-7Q2XW9-first-line",
        "---",
        "title: second-line-QX81",
        "id: third-line-ZZ40",
    ];
    std::fs::write(&secret, secret_lines.join("\n") + "\n").unwrap();
    let content = book.root().join("content");
    std::fs::create_dir_all(content.join("static")).unwrap();
    for link in ["static/x", "pages/leak.md", "levels/leak.yaml"] {
        symlink(&secret, content.join(link)).unwrap();
    }
    // Not TOML: read as the theme's strings, it would fail the build.
    let theme = book.root().join("themes/default");
    std::fs::create_dir_all(&theme).unwrap();
    symlink(&secret, theme.join("strings.toml")).unwrap();
    let human = book.check(&[]);
    assert!(human.stderr.contains("symlink-skipped"), "{}", human.stderr);
    let runs = [
        human,
        book.check(&["--format", "json"]),
        book.check(&["--links"]),
        book.run(&["export", "--format", "json", "."]),
        build(&book, 0),
    ];
    let mut outputs: Vec<(String, String)> = runs
        .iter()
        .flat_map(|run| {
            [
                ("stdout".to_string(), run.stdout.clone()),
                ("stderr".to_string(), run.stderr.clone()),
            ]
        })
        .collect();
    outputs.extend(site_files(&book));
    for (place, text) in &outputs {
        for line in secret_lines.iter().filter(|line| line.len() > 3) {
            let token = line.split_once(' ').map_or(*line, |(_, v)| v);
            assert!(!text.contains(token), "{place} shows `{token}`:\n{text}");
        }
    }
}

/// Runs a command to its end, sampling its peak resident memory (Linux's
/// VmHWM) while it runs; `None` where /proc cannot tell.
fn run_measured(book: &TestBook, args: &[&str]) -> (Run, Option<u64>, Duration) {
    let started = Instant::now();
    let mut child = book
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = None;
    while child
        .try_wait()
        .expect("the child can be waited for")
        .is_none()
    {
        let hwm = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
                line.split_whitespace().nth(1)?.parse::<u64>().ok()
            });
        peak_kb = peak_kb.max(hwm);
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "still running"
        );
    }
    let output = child.wait_with_output().expect("the output can be read");
    (
        book.finished(output),
        peak_kb.map(|kb| kb * 1024),
        started.elapsed(),
    )
}

#[test]
fn a_50_mb_content_file_is_refused_in_bounded_time_and_memory() {
    let line = "Lorem ipsum dolor sit amet, *consectetur* [adipiscing](@/levels/sre-1) elit.\n\n";
    let body = line.repeat(50 * 1024 * 1024 / line.len());
    let book = TestBook::fixture("books/valid").with(
        "content/pages/huge.md",
        format!("---\ntitle: Huge\n---\n{body}"),
    );
    let (run, peak, elapsed) = run_measured(&book, &["check", "--format", "json", "."]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/pages/huge.md:1:1: error[file-too-large]: this file is larger than 8 MiB, the limit for a content file"
        ]
    );
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
    if let Some(peak) = peak {
        assert!(peak < 100 << 20, "peak memory {} MiB", peak >> 20);
    }
}

#[test]
fn a_50_mb_static_file_is_copied_as_is() {
    let book = TestBook::fixture("books/valid");
    let path = book.root().join("content/static/video.bin");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 << 20).unwrap();
    let (run, peak, elapsed) = run_measured(&book, &["build", "."]);
    run.assert_code(0);
    let copied = std::fs::metadata(book.root().join("site/video.bin")).unwrap();
    assert_eq!(copied.len(), 50 << 20);
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
    if let Some(peak) = peak {
        assert!(peak < 400 << 20, "peak memory {} MiB", peak >> 20);
    }
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error_in_every_reader() {
    let deep = 10_000;
    let flow = format!("{}{}", "[".repeat(deep), "]".repeat(deep));
    // Indentation grows with depth: 3,000 levels stay below the file limit.
    let block_map: String = (0..3_000)
        .map(|depth| format!("{}k:\n", " ".repeat(depth + 2)))
        .collect();
    let block_seq = format!("{}x\n", "- ".repeat(deep));
    let book = TestBook::fixture("books/valid")
        .with("content/tracks.yaml", format!("{flow}\n"))
        .with(
            "content/archetypes/slo-guard.md",
            format!("---\nname: Deep\nemphasis:\n{block_map}---\n"),
        )
        .with(
            "content/scorecards/senior-sre.yaml",
            format!("title: Deep\nlevels:\n{block_seq}"),
        )
        .with(
            "content/competencies/coaching.yaml",
            format!(
                "name: Coaching\narea: {{{}}}\n",
                "a: {".repeat(deep) + &"}".repeat(deep)
            ),
        );
    let lines: Vec<String> = check_lines(&book, 1)
        .into_iter()
        .filter(|line| line.contains("yaml-syntax"))
        .map(|line| {
            let (place, message) = line.split_once(": ").unwrap();
            let file = place.split(':').next().unwrap();
            format!("{file}: {message}")
        })
        .collect();
    let nested = "values are nested more than 48 levels deep";
    assert_eq!(
        lines,
        [
            format!(
                "content/archetypes/slo-guard.md: error[yaml-syntax]: invalid YAML in front matter: {nested}"
            ),
            format!(
                "content/competencies/coaching.yaml: error[yaml-syntax]: invalid YAML: {nested}"
            ),
            format!(
                "content/scorecards/senior-sre.yaml: error[yaml-syntax]: invalid YAML: {nested}"
            ),
            format!("content/tracks.yaml: error[yaml-syntax]: invalid YAML: {nested}"),
        ]
    );

    let toml = TestBook::fixture("books/valid").with(
        "book.toml",
        format!("[book]\ntitle = \"x\"\n[ladder]\nareas = {flow}\n"),
    );
    let lines = check_lines(&toml, 1);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("error[toml-syntax]"), "{lines:?}");
}

#[test]
fn deeply_nested_markdown_renders() {
    let deep = 10_000;
    let body = [
        ">".repeat(deep) + " quoted",
        (0..200)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect(),
        "[".repeat(deep) + "x" + &"]".repeat(deep),
        "*".repeat(deep) + "x" + &"*".repeat(deep),
        "<div>".repeat(deep),
    ]
    .join("\n\n");
    let book = TestBook::fixture("books/valid").with(
        "content/pages/promotion.md",
        format!("---\ntitle: Deep\n---\n{body}\n"),
    );
    let started = Instant::now();
    build(&book, 0);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

/// Ten levels of ten aliases each: 10^10 values once expanded.
fn billion_laughs(indent: &str) -> String {
    let mut bomb =
        format!("{indent}lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let previous = format!("*lol{}", i - 1);
        let items = [previous.as_str(); 10].join(", ");
        bomb.push_str(&format!("{indent}lol{i}: &lol{i} [{items}]\n"));
    }
    bomb
}

#[test]
fn alias_bombs_are_refused_in_every_yaml_file() {
    let big = "x".repeat(1 << 20);
    let aliases = ["*big"; 999].join(", ");
    let book = TestBook::fixture("books/valid")
        .with(
            "content/levels/sre-1.md",
            format!(
                "---\ntitle: L\nrank: 1\ntrack: ic\nbomb:\n{}---\n",
                billion_laughs("  ")
            ),
        )
        .with(
            "content/tracks.yaml",
            format!("- id: ic\n  name: IC\n  x:\n{}", billion_laughs("    ")),
        )
        .with(
            "content/competencies/coaching.yaml",
            format!(
                "name: &big \"{big}\"\narea: Collaboration\nexpectations:\n  sre-3: [{aliases}]\n"
            ),
        );
    // No wall-clock bound (speed is the benchmark's job): what shows that the
    // work stayed bounded is that each file ends in a budget breach of
    // `src/yaml.rs`, reported at the alias that broke it, rather than in a
    // document expanded to 10^10 values or a gigabyte of copies.
    let lines: Vec<String> = check_lines(&book, 1)
        .into_iter()
        .filter(|line| line.contains("yaml-syntax"))
        .collect();
    assert_eq!(
        lines,
        [
            "content/competencies/coaching.yaml:4:383: error[yaml-syntax]: invalid YAML: \
             the document exceeds the size limits for a content file",
            "content/levels/sre-1.md:11:16: error[yaml-syntax]: invalid YAML in front matter: \
             the document holds more than 200000 values once its aliases are expanded",
            "content/tracks.yaml:9:18: error[yaml-syntax]: invalid YAML: \
             the document holds more than 200000 values once its aliases are expanded",
        ]
    );
}

/// Breaks out of any HTML context it is pasted into unescaped.
const XSS: &str = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

fn assert_no_markup_injected(path: &str, text: &str) {
    let lower = text.to_ascii_lowercase();
    for needle in ["<script>alert", "<img src=x", "\"'><", "onerror=alert(2)>"] {
        assert!(!lower.contains(needle), "{path} holds `{needle}`");
    }
}

#[test]
fn script_in_every_plain_field_is_escaped_everywhere() {
    let x = XSS.replace('\\', "\\\\").replace('"', "\\\"");
    let yaml = |text: &str| text.replace("XSS", &format!("\"{x}\""));
    let book = TestBook::fixture("books/valid")
        .with(
            "book.toml",
            format!(
                "[book]\ntitle = \"{x}\"\ndescription = \"{x}\"\nauthors = [\"{x}\"]\n\
                 [ladder]\nareas = [\"Reliability\", \"Collaboration\", \"{x}\"]\n"
            ),
        )
        .with(
            "content/tracks.yaml",
            yaml("- id: ic\n  name: XSS\n- id: management\n  name: XSS\n"),
        )
        .with(
            "content/levels/sre-1.md",
            yaml("---\ntitle: XSS\ncode: XSS\ntrack: ic\nrank: 1\nyears: XSS\n---\nBody.\n"),
        )
        .with(
            "content/competencies/coaching.yaml",
            yaml("name: XSS\narea: XSS\nexpectations:\n  sre-3: Mentors.\n"),
        )
        .with(
            "content/archetypes/slo-guard.md",
            yaml("---\nname: XSS\nemphasis:\n  slo-practice: 5\n  coaching: 3\n---\nBody.\n"),
        )
        .with(
            "content/scorecards/senior-sre.yaml",
            yaml(
                "title: XSS\nlevels: [sre-3]\nscale:\n  - { id: no, label: XSS, value: 1 }\n  - { id: yes, label: XSS, value: 2 }\n\
                 dimensions:\n  - competency: coaching\ninterviews:\n  - id: incident-sim\n    title: XSS\n    focus: [coaching]\n",
            ),
        )
        .with("content/pages/promotion.md", yaml("---\ntitle: XSS\n---\nBody.\n"))
        .with("content/index.md", yaml("---\ntitle: XSS\n---\nHome.\n"));
    check_lines(&book, 0);
    build(&book, 0);
    let files = site_files(&book);
    assert!(
        files
            .iter()
            .any(|(path, _)| path == "assets/search-index.js")
    );
    assert!(files.iter().any(|(path, _)| path == "assets/search/0.js"));
    for (path, text) in &files {
        if path.ends_with(".html") || path.ends_with(".xml") || is_search_index(path) {
            assert_no_markup_injected(path, text);
        }
    }
    let json = std::fs::read_to_string(book.root().join("site/ladder.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).expect("ladder.json is JSON");
    assert_eq!(json["levels"][0]["title"], XSS, "JSON keeps data as data");
    assert_html_fields_are_safe(&json, "ladder.json");
    let csv = std::fs::read(book.root().join("site/matrix.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let width = reader.headers().unwrap().len();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter().all(|row| row.len() == width),
        "no row is broken"
    );
    assert!(
        rows.iter().any(|row| row.iter().any(|field| field == XSS)),
        "CSV keeps data as data"
    );
}

/// Every `html` field of an export holds no markup a browser would run.
fn assert_html_fields_are_safe(value: &serde_json::Value, path: &str) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let inner = format!("{path}.{key}");
                if let (true, Some(text)) = (key.contains("html"), value.as_str()) {
                    assert_no_markup_injected(&inner, text);
                    assert_no_script_urls(&inner, text);
                }
                assert_html_fields_are_safe(value, &inner);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                assert_html_fields_are_safe(item, &format!("{path}[{index}]"));
            }
        }
        _ => {}
    }
}

/// Markdown that tries to run script, as links, images, raw HTML, heading
/// attributes and obfuscated URL schemes.
const HOSTILE_MARKDOWN: &str = r#"<script>alert(1)</script>

Text <img src=x onerror=alert(2)> and <iframe src="javascript:alert(3)"></iframe>.

# Heading {#h onclick=alert(4) style="x"}

[a](javascript:alert(5)) [b](JaVaScRiPt:alert(6)) [c](  javascript:alert(7))
[d](jav&#x09;ascript:alert(8)) [e](&#106;avascript:alert(9)) [f](javascript&colon;alert(10))
[g](vbscript:msgbox(11)) [h](data:text/html;base64,PHNjcmlwdD4=) [i](<javascript:alert(12)>)
[j](java&NewLine;script:alert(13)) [k](&#x6A;&#x61;vascript:alert(14)) <javascript:alert(15)>
[l][ref] ![m](javascript:alert(16)) ![n](data:image/svg+xml,<svg onload=alert(17)>)
![o](VBSCRIPT:x) [p](&#0000106avascript:alert(18)) [q]("javascript:alert(19)")

[ref]: javascript:alert(20)
"#;

fn assert_no_script_urls(path: &str, text: &str) {
    let lower = text.to_ascii_lowercase();
    for needle in [
        "<script>alert",
        "<img src=x",
        "<iframe",
        "onclick=\"alert",
        "onload=alert",
        "href=\"javascript",
        "href=\"vbscript",
        "href=\"data:",
        "src=\"javascript",
        "src=\"vbscript",
        "src=\"data:",
        "href=\"jav",
        "&#x09;",
    ] {
        assert!(!lower.contains(needle), "{path} holds `{needle}`");
    }
}

#[test]
fn script_in_markdown_is_dropped_when_html_is_not_allowed() {
    let indented = HOSTILE_MARKDOWN.replace('\n', "\n    ");
    let book = TestBook::fixture("books/valid")
        .with(
            "content/pages/promotion.md",
            format!("---\ntitle: Promotion\n---\n{HOSTILE_MARKDOWN}"),
        )
        .with(
            "content/competencies/coaching.yaml",
            format!("name: Coaching\narea: Collaboration\ndescription: |\n    {indented}\nexpectations:\n  sre-3: |\n    {indented}\n"),
        );
    build(&book, 0);
    let files = site_files(&book);
    for (path, text) in &files {
        if path.ends_with(".html") || is_search_index(path) {
            assert_no_script_urls(path, text);
        }
    }
    let json = std::fs::read_to_string(book.root().join("site/ladder.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_html_fields_are_safe(&json, "ladder.json");
    let page = files
        .iter()
        .find(|(path, _)| path == "pages/promotion.html")
        .map(|(_, text)| text.as_str())
        .unwrap();
    assert!(page.contains("<h1 id=\"h\">Heading</h1>"), "anchors stay");
}

#[test]
fn a_base_url_that_breaks_out_of_its_attribute_is_refused() {
    let book = TestBook::fixture("books/valid").with(
        "book.toml",
        format!(
            "[book]\ntitle = \"T\"\n[ladder]\nareas = [\"Reliability\", \"Collaboration\"]\n[site]\nbase-url = \"https://x.org/{}\"\n",
            XSS.replace('"', "\\\"")
        ),
    );
    let lines = check_lines(&book, 1);
    assert_eq!(
        lines,
        ["book.toml:6:12: error[invalid-url]: `base-url` holds '\"', which cannot appear in a URL"]
    );
}

/// The search index's head or one of its shards.
fn is_search_index(path: &str) -> bool {
    path == "assets/search-index.js" || path.starts_with("assets/search/")
}
