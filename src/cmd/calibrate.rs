//! `ladderbook calibrate`: load the book, read the files and folders given,
//! check them, compute the report, print it in the chosen format.

use std::path::Path;

use crate::calibrate::calibration::calibrate;
use crate::calibrate::{check_files, html, json, markdown, text};
use crate::cli::{CalibrateArgs, CalibrateFormat};
use crate::cmd::inputs::read_json_inputs;
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::report::count;
use crate::report::terminal::colour_stdout;
use crate::stdout::write_stdout;

pub fn run(args: &CalibrateArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book, global);
        eprintln!("calibrate: the book has errors; fix them first");
        return Ok(Outcome::Problems);
    }
    let inputs = read_json_inputs(&args.paths)?;
    let (checked, diagnostics) = check_files(&loaded.book, &inputs);
    if diagnostics.has_errors() {
        let errors = diagnostics.error_count();
        // File names are as given on the command line, relative to here.
        report_problems(diagnostics, Path::new(""), global);
        eprintln!(
            "calibrate: {} in the files; nothing reported",
            count(errors, "problem")
        );
        return Ok(Outcome::Problems);
    }
    let report = calibrate(&loaded.book, &checked.files, &checked.loops);
    let output = match args.format {
        CalibrateFormat::Text => text::render_text(&report, colour_stdout(global.color)),
        CalibrateFormat::Markdown => markdown::render_markdown(&report),
        CalibrateFormat::Json => json::render_json(&report),
        CalibrateFormat::Html => html::render_html(&report, &loaded.book.config.book.language),
    };
    write_stdout(output.as_bytes())?;
    if !report.notices.is_empty() && !global.quiet {
        eprintln!(
            "calibrate: {} filled against another version of the ladder; see the notices",
            count(report.notices.len(), "file")
        );
    }
    Ok(Outcome::Success)
}
