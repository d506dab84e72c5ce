//! `ladderbook calibrate`: load the book, read the files and folders given,
//! check them, compute the report, print it in the chosen format.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::calibrate::calibration::calibrate;
use crate::calibrate::{check_files, html, json, markdown, text};
use crate::cli::{CalibrateArgs, CalibrateFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::filled::Input;
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
    let mut inputs = Vec::new();
    for path in json_files(&args.paths)? {
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read `{}`", path.display()))?;
        inputs.push(Input {
            file: path.display().to_string(),
            bytes,
        });
    }
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

/// The paths as given, with every folder replaced by the `.json` files
/// below it (sorted, so the order never depends on the file system).
pub(crate) fn json_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("cannot read folder `{}`", path.display()))?;
            let is_json = entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if entry.file_type().is_file() && is_json {
                found.push(entry.into_path());
            }
        }
        if found.is_empty() {
            anyhow::bail!("no .json files below `{}`", path.display());
        }
        files.extend(found);
    }
    Ok(files)
}
