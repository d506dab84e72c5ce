//! `ladderbook import`: read a ladder a team already has, check the book it
//! makes in memory, and write it only when it checks clean.

use std::io::Read as _;
use std::path::Path;

use anyhow::Context as _;

use crate::cli::{ImportArgs, ImportFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::diagnostics::Diagnostics;
use crate::import::{FrameworkFile, ImportOptions, check_imported, import_csv, import_frameworks};
use crate::scaffold::{with_editor_support, write_book};

pub fn run(args: &ImportArgs, global: Global) -> anyhow::Result<Outcome> {
    let mut diagnostics = Diagnostics::default();
    let name = args.file.display().to_string();
    let options = ImportOptions {
        file: &name,
        title: &args.title,
        delimiter: args.delimiter,
        detailed: args.dry_run,
        header_row: args.header_row,
        maps: &args.maps,
    };
    let imported = match args.from {
        ImportFormat::Csv => {
            let bytes = read_input(&args.file)?;
            import_csv(&bytes, &options, &mut diagnostics)
        }
        ImportFormat::ProgressionFramework => {
            let files = read_frameworks(&args.file)?;
            import_frameworks(&files, &options, &mut diagnostics)
        }
    };
    let Some(imported) = imported else {
        return Ok(nothing_written(diagnostics, global));
    };
    let mut problems = check_imported(&imported.files);
    for warning in diagnostics.iter() {
        problems.push(warning.clone());
    }
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

fn read_input(file: &Path) -> anyhow::Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        return Ok(bytes);
    }
    std::fs::read(file).with_context(|| format!("reading {}", file.display()))
}

/// One file, or every `.md` file below a folder in sorted order.
fn read_frameworks(path: &Path) -> anyhow::Result<Vec<FrameworkFile>> {
    let mut paths = Vec::new();
    if path.is_dir() {
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.with_context(|| format!("reading {}", path.display()))?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
                paths.push(entry.into_path());
            }
        }
    } else {
        paths.push(path.to_path_buf());
    }
    let mut files = Vec::new();
    for file in paths {
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let relative = match file.strip_prefix(path) {
            Ok(rest) if !rest.as_os_str().is_empty() => rest,
            _ => Path::new(file.file_name().unwrap_or_default()),
        };
        files.push(FrameworkFile {
            name: file.display().to_string(),
            relative: relative.to_string_lossy().replace('\\', "/"),
            bytes,
        });
    }
    Ok(files)
}

fn nothing_written(diagnostics: Diagnostics, global: Global) -> Outcome {
    report_problems(diagnostics, Path::new(""), global);
    eprintln!("import: nothing written");
    Outcome::Problems
}
