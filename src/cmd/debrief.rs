//! `ladderbook debrief`: load the book, read and check the scorecard files,
//! aggregate them, print the debrief in the chosen format.

use std::path::Path;

use anyhow::Context as _;

use crate::cli::{DebriefArgs, DebriefFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::debrief::aggregate::{count, debrief};
use crate::debrief::{Input, check_files, json, markdown, text};
use crate::stdout::write_stdout;

pub fn run(args: &DebriefArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book, global);
        eprintln!("debrief: the book has errors; fix them first");
        return Ok(Outcome::Problems);
    }
    let inputs = args
        .files
        .iter()
        .map(|path| {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
            Ok(Input {
                file: path.display().to_string(),
                bytes,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (files, diagnostics) = check_files(&loaded.book, &inputs);
    if diagnostics.has_errors() {
        let errors = diagnostics.error_count();
        // File names are as given on the command line, relative to here.
        report_problems(diagnostics, Path::new(""), global);
        eprintln!(
            "debrief: {} in the scorecard files; nothing aggregated",
            count(errors, "problem")
        );
        return Ok(Outcome::Problems);
    }
    let debrief = debrief(&loaded.book, &files);
    let output = match args.format {
        DebriefFormat::Text => text::render_text(&debrief),
        DebriefFormat::Markdown => markdown::render_markdown(&debrief),
        DebriefFormat::Json => json::render_json(&debrief),
    };
    write_stdout(output.as_bytes())?;
    let stale = debrief.notices.len();
    if stale > 0 && !global.quiet {
        let verb = if stale == 1 { "was" } else { "were" };
        eprintln!(
            "debrief: {} {verb} filled against another version of the ladder; see the notices",
            count(stale, "file")
        );
    }
    Ok(Outcome::Success)
}
