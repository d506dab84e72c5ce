//! A small builder for books in temporary folders, and a runner for the real
//! binary. Shared by every command's tests, so it knows nothing about any one
//! command.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The folder of the fixtures: `tests/fixtures/`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// A book in a temporary folder, removed when dropped.
pub struct TestBook {
    /// Keeps the folder alive; the book itself is `root`, one level below,
    /// so tests can also write beside the book (`../escape`).
    _temp: TempDir,
    root: PathBuf,
}

impl TestBook {
    /// The book's `export --format json` (`ladderbook.ladder/1`), which
    /// must succeed: what an import made, read back field by field.
    pub fn exported_ladder(&self) -> serde_json::Value {
        let run = self.run(&["export", ".", "--format", "json"]);
        run.assert_code(0);
        run.json()
    }

    /// An empty folder: no book.toml, no content.
    pub fn empty() -> TestBook {
        let temp = tempfile::Builder::new()
            .prefix("ladderbook-test-")
            .tempdir()
            .expect("a temporary folder can be created");
        let root = temp.path().join("book");
        std::fs::create_dir(&root).expect("the book folder can be created");
        TestBook { _temp: temp, root }
    }

    /// A copy of `tests/fixtures/<fixture>/`.
    pub fn fixture(fixture: &str) -> TestBook {
        let source = fixtures_dir().join(fixture);
        assert!(source.is_dir(), "no fixture at {}", source.display());
        let book = TestBook::empty();
        copy_dir(&source, &book.root);
        book
    }

    /// A copy of any folder (for example the repository's own book).
    pub fn copy_of(source: &Path, entries: &[&str]) -> TestBook {
        let book = TestBook::empty();
        for entry in entries {
            let from = source.join(entry);
            let to = book.root.join(entry);
            if from.is_dir() {
                copy_dir(&from, &to);
            } else {
                std::fs::copy(&from, &to)
                    .unwrap_or_else(|err| panic!("copy {}: {err}", from.display()));
            }
        }
        book
    }

    /// Writes a file below the book root, creating its folders; returns self
    /// for chaining.
    pub fn with(self, relative: &str, contents: impl AsRef<[u8]>) -> TestBook {
        self.write(relative, contents);
        self
    }

    /// Writes (or overwrites) a file below the book root.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders can be created");
        }
        std::fs::write(&path, contents)
            .unwrap_or_else(|err| panic!("write {}: {err}", path.display()));
    }

    /// The book's root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A command for the real binary, run from the book root with colours off.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ladderbook"));
        command
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("RUST_BACKTRACE");
        command
    }

    /// Runs the binary with `args` (the book is the working folder).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_command(self.command(args))
    }

    /// Runs a prepared command and collects what it did.
    pub fn run_command(&self, command: Command) -> Run {
        self.try_run_command(command)
            .expect("the ladderbook binary runs")
    }

    /// Like `run_command`, for tests that skip when the process cannot start.
    pub fn try_run_command(&self, mut command: Command) -> std::io::Result<Run> {
        Ok(self.finished(command.output()?))
    }

    /// What a process started elsewhere (e.g. to watch it run) did.
    pub fn finished(&self, output: std::process::Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            root: self.root.clone(),
        }
    }

    /// `ladderbook check <book> <extra...>`.
    pub fn check(&self, extra: &[&str]) -> Run {
        let root = self.root.to_str().expect("temporary paths are UTF-8");
        let mut args = vec!["check", root];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// `None` when the process was killed by a signal (a crash).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    root: PathBuf,
}

impl Run {
    /// Standard output with the temporary book path replaced by `[BOOK]`.
    pub fn stdout(&self) -> String {
        redact(&self.stdout, &self.root)
    }

    /// Standard error with the temporary book path replaced by `[BOOK]`.
    pub fn stderr(&self) -> String {
        redact(&self.stderr, &self.root)
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|err| {
            panic!(
                "stdout is not JSON ({err}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Asserts the exit status, showing the output when it differs.
    #[track_caller]
    pub fn assert_code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(expected),
            "unexpected exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// The diagnostics of a `--format json` run as one line each,
    /// `file:line:col: severity[code]: message`.
    pub fn diagnostic_lines(&self) -> Vec<String> {
        let json = self.json();
        json["diagnostics"]
            .as_array()
            .expect("`diagnostics` is an array")
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}: {}[{}]: {}",
                    d["file"].as_str().unwrap_or("?"),
                    d["line"],
                    d["column"],
                    d["severity"].as_str().unwrap_or("?"),
                    d["code"].as_str().unwrap_or("?"),
                    d["message"].as_str().unwrap_or("?"),
                )
            })
            .collect()
    }
}

/// Replaces every spelling of `root` (as given and canonical) with `[BOOK]`.
pub fn redact(text: &str, root: &Path) -> String {
    let mut out = text.to_string();
    let mut spellings = vec![root.display().to_string()];
    if let Ok(canonical) = root.canonicalize() {
        spellings.push(canonical.display().to_string());
    }
    // Longest first, so a canonical path that extends the given one is whole.
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for spelling in spellings {
        out = out.replace(&spelling, "[BOOK]");
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folders can be created");
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|err| panic!("read {}: {err}", from.display()));
    for entry in entries {
        let entry = entry.expect("fixture entries are readable");
        let target = to.join(entry.file_name());
        if entry
            .file_type()
            .expect("fixture entries have a type")
            .is_dir()
        {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("fixture files can be copied");
        }
    }
}

/// A file of the site a test built into the book's `site/` folder.
pub fn read_site(book: &TestBook, path: &str) -> String {
    let full = book.root().join("site").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|err| panic!("read {}: {err}", full.display()))
}

/// The `<main>` of a page: what tests about a page's content look at.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a page has <main>");
    let end = html.find("</main>").expect("a page closes </main>");
    &html[start..end]
}
