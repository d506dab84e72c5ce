//! `ladderbook import --from csv`: read a spreadsheet ladder, write a new
//! book, and check it as `check` would.

use std::io::Read as _;
use std::path::Path;

use anyhow::Context as _;

use crate::cli::{ImportArgs, ImportFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::diagnostics::Diagnostics;
use crate::import::{ImportOptions, import_csv};
use crate::scaffold::{with_editor_support, write_book};

pub fn run(args: &ImportArgs, global: Global) -> anyhow::Result<Outcome> {
    let ImportFormat::Csv = args.from;
    let (name, bytes) = if args.file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        ("-".to_string(), bytes)
    } else {
        let bytes = std::fs::read(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
        (args.file.display().to_string(), bytes)
    };
    let mut diagnostics = Diagnostics::default();
    let options = ImportOptions {
        file: &name,
        title: &args.title,
        delimiter: args.delimiter,
    };
    let Some(files) = import_csv(&bytes, &options, &mut diagnostics) else {
        report_problems(diagnostics, Path::new(""), global);
        eprintln!("import: nothing written");
        return Ok(Outcome::Problems);
    };
    let files = with_editor_support(files);
    write_book(&args.book_dir, &files, args.force)?;
    let loaded = load_book(&args.book_dir)?;
    let has_errors = loaded.diagnostics.has_errors();
    report_problems(loaded.diagnostics, &args.book_dir, global);
    if has_errors {
        return Ok(Outcome::Problems);
    }
    if !global.quiet {
        let dir = args.book_dir.display();
        eprintln!(
            "import: created a book with {} and {} in {dir}",
            count(loaded.book.levels.len(), "level", "levels"),
            count(loaded.book.competencies.len(), "competency", "competencies"),
        );
        eprintln!(
            "\nNext: add level narratives and summaries, then `ladderbook serve {dir}` to preview it."
        );
    }
    Ok(Outcome::Success)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
