//! `ladderbook export`: the validated model as JSON or the matrix as CSV.

use anyhow::Context as _;

use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::render::export::{ladder_json, matrix_csv};
use crate::stdout::write_stdout;

pub fn run(args: &ExportArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book_dir)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book_dir, global);
        return Ok(Outcome::Problems);
    }
    let text = match args.format {
        ExportFormat::Json => ladder_json(&loaded.book),
        ExportFormat::Csv => matrix_csv(&loaded.book),
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => write_stdout(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}
