//! Standard output closed early (`ladderbook export | head`): every command
//! that prints its result ends quietly with the exit status it would have
//! had, never "error: Broken pipe" (issue 22).

use std::path::Path;
use std::process::Stdio;

use crate::support::{Run, TestBook, fixtures_dir};

/// Runs `args` in the book with standard output a pipe whose reading end is
/// already closed, so the first write fails with EPIPE however small it is.
fn run_into_closed_pipe(book: &TestBook, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut command = book.command(args);
    command.stdout(writer).stderr(Stdio::piped());
    book.run_command(command)
}

/// The repository's own book with the committed scorecards in `filled/`.
fn book_with_scorecards() -> TestBook {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    let scorecards = fixtures_dir().join("scorecards");
    for name in ["ann-smith-incident-sim.json", "ben-okafor-slo-design.json"] {
        let text = std::fs::read(scorecards.join(name)).expect("the fixture is readable");
        book.write(&format!("filled/{name}"), text);
    }
    book
}

#[test]
fn every_command_that_prints_ends_quietly_when_its_reader_leaves() {
    let book = book_with_scorecards();
    let debrief = [
        "debrief",
        "filled/ann-smith-incident-sim.json",
        "filled/ben-okafor-slo-design.json",
    ];
    let commands: [&[&str]; 13] = [
        &["export", ".", "--format", "json"],
        &["export", ".", "--format", "csv"],
        &["check", ".", "--format", "json"],
        &["schema"],
        &["completions", "bash"],
        &debrief,
        &[debrief[0], "--format", "json", debrief[1], debrief[2]],
        &[debrief[0], "--format", "markdown", debrief[1], debrief[2]],
        &["--help"],
        &["calibrate", "filled"],
        &["calibrate", "--format", "json", "filled"],
        &["calibrate", "--format", "markdown", "filled"],
        &["calibrate", "--format", "html", "filled"],
    ];
    for args in commands {
        let run = run_into_closed_pipe(&book, args);
        assert!(
            !run.stderr.contains("Broken pipe") && !run.stderr.contains("panicked"),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_closed_pipe_does_not_hide_the_problems_check_found() {
    let book = TestBook::fixture("invalid/duplicate-id");
    let run = run_into_closed_pipe(&book, &["check", ".", "--format", "json"]);
    assert!(!run.stderr.contains("Broken pipe"), "{}", run.stderr);
    run.assert_code(1);
}
