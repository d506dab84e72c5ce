//! `ladderbook role`: load the book, find the role, print its posting in
//! the chosen format (the work is in `posting`).

use anyhow::Context as _;

use crate::cli::{RoleArgs, RoleFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::posting::{Format, find_role, render};
use crate::stdout::write_stdout;

pub fn run(args: &RoleArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book, global);
        eprintln!("role: the book has errors; fix them first");
        return Ok(Outcome::Problems);
    }
    let index = match find_role(&loaded.book, &args.id) {
        Ok(index) => index,
        Err(problem) => {
            eprintln!("error: {problem}");
            return Ok(Outcome::Problems);
        }
    };
    let format = match args.format {
        RoleFormat::Markdown => Format::Markdown,
        RoleFormat::Text => Format::Text,
        RoleFormat::Html => Format::Html,
        RoleFormat::Json => Format::Json,
    };
    let text = render(&loaded.book, index, format);
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => write_stdout(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}
