//! `ladderbook diff`: load both sides (folders or revisions), compare them,
//! print the report in the chosen format.

use std::io::{IsTerminal, Write};

use anyhow::Context as _;

use crate::cli::{DiffArgs, DiffFormat};
use crate::cmd::{Global, Outcome};
use crate::diagnostics::{Diagnostic, Severity, print_human_from};
use crate::history::paint::{Paint, wants_colour};
use crate::history::side::{LoadedSide, Side, load_side};
use crate::history::{diff_books, json, markdown, text};

pub fn run(args: &DiffArgs, global: Global) -> anyhow::Result<Outcome> {
    let old = Side::from_arg(&args.old);
    let new = args
        .new
        .as_deref()
        .map_or_else(|| Side::working_tree(&args.book), Side::from_arg);
    let mut repo = None;
    let old = load_side(&old, &args.book, &mut repo)?;
    let new = load_side(&new, &args.book, &mut repo)?;
    let mut broken = false;
    for side in [&old, &new] {
        if side.loaded.diagnostics.has_errors() {
            broken = true;
            report_side(side, global);
        }
    }
    if broken {
        return Ok(Outcome::Problems);
    }
    let diff = diff_books(&old.loaded.book, &old.label, &new.loaded.book, &new.label);
    let output = match args.format {
        DiffFormat::Text => {
            let terminal = std::io::stdout().is_terminal();
            let no_color = std::env::var("NO_COLOR").ok();
            let enabled = wants_colour(global.color, no_color.as_deref(), terminal);
            text::render_text(&diff, Paint { enabled })
        }
        DiffFormat::Markdown => markdown::render_markdown(&diff),
        DiffFormat::Json => json::render_json(&diff),
    };
    std::io::stdout()
        .lock()
        .write_all(output.as_bytes())
        .context("writing to standard output")?;
    Ok(if args.exit_code && diff.has_changes() {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// A side's errors (not its warnings: the diff is not a `check`), each with
/// its source line, also for a revision's files, which are only in memory.
fn report_side(side: &LoadedSide, global: Global) {
    let errors: Vec<Diagnostic> = side
        .loaded
        .diagnostics
        .clone()
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    print_human_from(&errors, global.color, |file| side.sources.text(file));
    eprintln!(
        "diff: {} has errors; fix them first (`ladderbook check`)",
        side.label
    );
}
