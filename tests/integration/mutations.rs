//! Damaged books: every file of a valid book cut short, broken by a stray
//! character, missing a line or repeating one, or several of these at once.
//! Whatever the damage, `check` ends with a verdict (no problems, or
//! diagnostics that name a file:line:col), never with a panic or a crash;
//! so do `debrief` on damaged filled scorecards and `import` on a damaged
//! spreadsheet ladder (and what it imports checks clean). The damage is
//! random but seeded, so a failure names a variant that fails again.

use std::path::{Path, PathBuf};

use crate::support::{Run, TestBook, fixtures_dir};

/// xorshift64*: enough randomness to spread the damage, and no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// Text that YAML, TOML, Markdown or our own readers treat specially.
const STRAY: &[&[u8]] = &[
    b":",
    b": ",
    b"\n- ",
    b"- ",
    b"{",
    b"}",
    b"[",
    b"]]",
    b"&anchor ",
    b"*anchor",
    b"!!binary ",
    b"\t",
    b"\0",
    b"\"",
    b"'",
    b"\n---\n",
    b"\xEF\xBB\xBF",
    b"\xC3",
    b"\xFF\xFE",
    "é🙂".as_bytes(),
    b"\r",
    b"#",
    b"|\n",
    b">-\n",
    b"%YAML 1.2\n",
    b"<script>alert(1)</script>",
    b"](@/levels/nope#x)",
    b"[x](@/",
    b"{{ ",
    b"{% if %}",
    b"= ",
    b"\n[ladder]\n",
    b"999999999999999999999999",
    b"-1",
    b"~",
    b"? ",
];

/// One damaged copy of `original`, and what was done to it.
fn damage(original: &[u8], random: &mut Random) -> (Vec<u8>, String) {
    let lines: Vec<&[u8]> = original.split_inclusive(|&b| b == b'\n').collect();
    let mut bytes = original.to_vec();
    let what = match random.below(5) {
        0 => {
            let at = random.below(bytes.len());
            bytes.truncate(at);
            format!("cut at byte {at}")
        }
        1 => {
            let at = random.below(bytes.len() + 1);
            let stray = STRAY[random.below(STRAY.len())];
            bytes.splice(at..at, stray.iter().copied());
            format!("{:?} inserted at byte {at}", String::from_utf8_lossy(stray))
        }
        2 if !lines.is_empty() => {
            let line = random.below(lines.len());
            bytes = lines
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != line)
                .flat_map(|(_, text)| text.iter().copied())
                .collect();
            format!("line {} removed", line + 1)
        }
        3 if !lines.is_empty() => {
            let line = random.below(lines.len());
            bytes = lines
                .iter()
                .enumerate()
                .flat_map(|(index, text)| {
                    let times = if index == line { 2 } else { 1 };
                    std::iter::repeat_n(text.iter().copied(), times).flatten()
                })
                .collect();
            format!("line {} repeated", line + 1)
        }
        _ if !bytes.is_empty() => {
            let at = random.below(bytes.len());
            let replacement = [b':', b'-', b'#', b' ', b'\t', b'"', b'\n', 0xFF][random.below(8)];
            bytes[at] = replacement;
            format!("byte {at} replaced by {replacement:#04x}")
        }
        _ => "left empty".into(),
    };
    (bytes, what)
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.expect("the fixture is readable"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            entry
                .path()
                .strip_prefix(dir)
                .expect("below the fixture")
                .to_path_buf()
        })
        .collect();
    files.sort();
    files
}

/// Whether `text` has a `name.ext:line:col` with the extension of a book's
/// content, configuration or template files, of a filled scorecard or of a
/// spreadsheet ladder.
fn names_a_position(text: &str) -> bool {
    [
        ".md:", ".yaml:", ".yml:", ".toml:", ".html:", ".json:", ".csv:",
    ]
    .iter()
    .any(|ext| {
        text.match_indices(ext).any(|(at, found)| {
            let rest = &text[at + found.len()..];
            let line_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after_line = &rest[line_digits..];
            line_digits > 0
                && after_line.starts_with(':')
                && after_line[1..]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
        })
    })
}

/// Checks `variants` damaged copies of each of `files` (paths below the
/// book, with their intact contents) one at a time, restoring each file
/// after its turn. Returns how many variants the tool accepted (exit 0) and
/// how many it refused with diagnostics (exit 1).
fn check_damaged(
    book: &TestBook,
    files: &[(String, Vec<u8>)],
    variants: usize,
    random: &mut Random,
) -> [usize; 2] {
    run_damaged(book, files, variants, random, |book| book.check(&[]))
}

/// Like [`check_damaged`], with `command` run on each variant instead of
/// `check`.
fn run_damaged(
    book: &TestBook,
    files: &[(String, Vec<u8>)],
    variants: usize,
    random: &mut Random,
    command: impl Fn(&TestBook) -> Run,
) -> [usize; 2] {
    let mut verdicts = [0usize; 2];
    for (relative, original) in files {
        for _ in 0..variants {
            // One to three kinds of damage at once.
            let mut damaged = original.clone();
            let mut done = Vec::new();
            for _ in 0..=random.below(3) {
                let (next, what) = damage(&damaged, random);
                damaged = next;
                done.push(what);
            }
            book.write(relative, &damaged);
            let run = command(book);
            let variant = format!("{relative}, {}", done.join("; "));
            assert!(
                !run.stderr.contains("panicked"),
                "{variant}: panicked\n{}",
                run.stderr
            );
            match run.code {
                Some(0) => verdicts[0] += 1,
                Some(1) => {
                    verdicts[1] += 1;
                    assert!(
                        names_a_position(&run.stderr),
                        "{variant}: no diagnostic names a file:line:col\n{}",
                        run.stderr
                    );
                }
                other => panic!("{variant}: exit {other:?}\n{}", run.stderr),
            }
        }
        book.write(relative, original);
    }
    verdicts
}

#[test]
fn damaged_files_get_a_verdict_never_a_crash() {
    let fixture = fixtures_dir().join("books/valid");
    let book = TestBook::fixture("books/valid");
    let files: Vec<(String, Vec<u8>)> = files_below(&fixture)
        .into_iter()
        .map(|file| {
            let text = std::fs::read(fixture.join(&file)).expect("the fixture is readable");
            (file.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    let verdicts = check_damaged(&book, &files, 14, &mut Random(0x1add_e7b0_0c5e_ed01));
    // The damage is meant to break books, and some of it is harmless (a
    // repeated blank line, a cut after the last newline): both verdicts
    // must occur, or the test is not testing what it says.
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

#[test]
fn damaged_template_overrides_get_a_verdict_never_a_crash() {
    // A book's own copies of the built-in templates most themes start from.
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let book = TestBook::fixture("books/valid");
    let files: Vec<(String, Vec<u8>)> = [
        "base.html",
        "level.html",
        "page.html",
        "partials/nav-open.html",
    ]
    .iter()
    .map(|name| {
        let text = std::fs::read(theme.join(name)).expect("the built-in theme is readable");
        let relative = format!("themes/default/templates/{name}");
        book.write(&relative, &text);
        (relative, text)
    })
    .collect();
    let verdicts = check_damaged(&book, &files, 20, &mut Random(0x7e4a_a7e5_0000_0001));
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

#[test]
fn damaged_filled_scorecards_get_a_verdict_never_a_crash() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    let scorecards = fixtures_dir().join("scorecards");
    let files: Vec<(String, Vec<u8>)> = files_below(&scorecards)
        .into_iter()
        .map(|file| {
            let text = std::fs::read(scorecards.join(&file)).expect("the fixture is readable");
            let relative = format!("filled/{}", file.to_string_lossy());
            book.write(&relative, &text);
            (relative, text)
        })
        .collect();
    let mut args = vec!["debrief".to_string()];
    args.extend(files.iter().map(|(relative, _)| relative.clone()));
    let verdicts = run_damaged(
        &book,
        &files,
        14,
        &mut Random(0xdeb1_ef00_0000_0001),
        |book| book.run(&args.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

#[test]
fn a_damaged_spreadsheet_ladder_gets_a_verdict_never_a_crash() {
    let book = TestBook::fixture("books/valid");
    let export = book.run(&["export", ".", "--format", "csv"]);
    export.assert_code(0);
    let files = vec![("ladder.csv".to_string(), export.stdout.into_bytes())];
    // Each variant imports into a folder of its own: import creates a book.
    let imports = std::cell::Cell::new(0);
    let verdicts = run_damaged(
        &book,
        &files,
        40,
        &mut Random(0xc5f0_0000_0000_0001),
        |book| {
            imports.set(imports.get() + 1);
            let target = format!("imported-{}", imports.get());
            let run = book.run(&["import", "--from", "csv", "ladder.csv", &target]);
            // What import accepts, it writes as a book that checks clean.
            if run.code == Some(0) {
                let checked = book.run(&["check", &target]);
                assert_eq!(
                    checked.code,
                    Some(0),
                    "imported, but the book does not check:\n{}",
                    checked.stderr
                );
            }
            run
        },
    );
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

/// Imports each damaged variant of `file` into a folder of its own; what
/// import accepts must check clean (issue 26: the grid and framework readers).
fn import_damaged(name: &str, bytes: &[u8], from: &str, seed: u64) -> [usize; 2] {
    let book = TestBook::empty();
    let files = vec![(name.to_string(), bytes.to_vec())];
    let imports = std::cell::Cell::new(0);
    run_damaged(&book, &files, 30, &mut Random(seed), |book| {
        imports.set(imports.get() + 1);
        let target = format!("imported-{}", imports.get());
        let run = book.run(&["import", "--from", from, name, &target]);
        if run.code == Some(0) {
            let checked = book.run(&["check", &target]);
            assert_eq!(
                checked.code,
                Some(0),
                "imported, but does not check:\n{}",
                checked.stderr
            );
        }
        run
    })
}

#[test]
fn a_damaged_grid_gets_a_verdict_never_a_crash() {
    let grid = "Ladder,,,\nCompetency,\"E1, ~ 1 yr\",Senior (L4),Staff (L5)\nScope,Own tasks,A project,Teams\n\
                Delivery,\"Ships\n\nAsks\",\"- Plans\n- Splits\",1. Sets direction\nNotes,x,,y\nTips: read up.,,,\n";
    let verdicts = import_damaged("grid.csv", grid.as_bytes(), "csv", 0x6e1d_0000_0000_0001);
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

#[test]
fn a_damaged_framework_file_gets_a_verdict_never_a_crash() {
    let framework = "---\ntitle: \"Backend\"\nlevels: 2\ntopics:\n  - name: impact\n    content:\n      - level: 1\n        criteria: [\"Ships\"]\n      - level: 2\n        exampleCriteria:\n          - criteria: \"Leads\"\n            examples: [\"An outage\"]\n---\nAbout.\n## Level 2\nMore.\n";
    let verdicts = import_damaged(
        "backend.md",
        framework.as_bytes(),
        "progression-framework",
        0xf7a3_0000_0000_0001,
    );
    assert!(verdicts[0] > 0 && verdicts[1] > 0, "{verdicts:?}");
}

#[test]
fn a_position_is_recognised_only_with_line_and_column() {
    assert!(names_a_position("  ┌─ content/levels/sre-1.md:3:7"));
    assert!(names_a_position("book.toml:1:1: error"));
    assert!(!names_a_position("content/levels/sre-1.md: error"));
    assert!(!names_a_position("content/levels/sre-1.md:3"));
}
