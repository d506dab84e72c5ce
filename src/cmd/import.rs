//! `ladderbook import`: read a ladder a team already has, check the book it
//! makes in memory, and write it only when it checks clean.

use std::io::Read as _;
use std::path::Path;

use anyhow::Context as _;

use crate::cli::{ImportArgs, ImportFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::diagnostics::Diagnostics;
use crate::import::{ImportOptions, check_imported, import_csv};
use crate::scaffold::{with_editor_support, write_book};

pub fn run(args: &ImportArgs, global: Global) -> anyhow::Result<Outcome> {
    let mut diagnostics = Diagnostics::default();
    let (name, bytes) = read_input(&args.file)?;
    let options = ImportOptions {
        file: &name,
        title: &args.title,
        delimiter: args.delimiter,
        detailed: args.dry_run,
    };
    let imported = match args.from {
        ImportFormat::Csv => import_csv(&bytes, &options, &mut diagnostics),
    };
    let Some(imported) = imported else {
        return Ok(nothing_written(diagnostics, global));
    };
    let problems = check_imported(&imported.files);
    if problems.has_errors() {
        return Ok(nothing_written(problems, global));
    }
    report_problems(problems, Path::new(""), global);
    if !args.dry_run {
        write_book(
            &args.book_dir,
            &with_editor_support(imported.files),
            args.force,
        )?;
    }
    if !global.quiet {
        let dir = args.book_dir.display();
        eprint!("import: {}", imported.summary);
        if args.dry_run {
            eprintln!("import: --dry-run, nothing written");
        } else {
            eprintln!("import: created the book in {dir}");
            eprintln!(
                "\nNext: add level narratives and summaries, then `ladderbook serve {dir}` to preview it."
            );
        }
    }
    Ok(Outcome::Success)
}

fn read_input(file: &Path) -> anyhow::Result<(String, Vec<u8>)> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        return Ok(("-".to_string(), bytes));
    }
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    Ok((file.display().to_string(), bytes))
}

fn nothing_written(diagnostics: Diagnostics, global: Global) -> Outcome {
    report_problems(diagnostics, Path::new(""), global);
    eprintln!("import: nothing written");
    Outcome::Problems
}
