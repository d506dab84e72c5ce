//! `ladderbook init`: write a new book and say what to run next.

use crate::cli::InitArgs;
use crate::cmd::{Global, Outcome};
use crate::scaffold::{book_files, write_book};

pub fn run(args: &InitArgs, global: Global) -> anyhow::Result<Outcome> {
    let files = book_files(args.minimal);
    write_book(&args.dir, &files, args.force)?;
    if !global.quiet {
        let what = if args.minimal {
            "a minimal book"
        } else {
            "the SRE & DevOps ladder"
        };
        eprintln!(
            "init: created {what} in {} ({} files):",
            args.dir.display(),
            files.len()
        );
        for file in &files {
            eprintln!("  {}", file.path.display());
        }
        let dir = args.dir.display();
        eprintln!(
            "\nNext: `ladderbook serve {dir}` to preview it, or `ladderbook build {dir}` to publish it."
        );
    }
    Ok(Outcome::Success)
}
