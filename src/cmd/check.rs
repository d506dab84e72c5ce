//! `ladderbook check`: load, validate, render in memory (and check the
//! rendered links with `--links`), report.

use crate::cli::{CheckArgs, CheckFormat};
use crate::cmd::{Global, Outcome};
use crate::diagnostics::{print_human, print_json};
use crate::history::published::load_with_history;
use crate::stdout::write_stdout;

pub fn run(args: &CheckArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_with_history(&args.book_dir)?;
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(crate::site::place::configured_output_problems(
        &loaded.book,
        &args.book_dir,
    ));
    if !diagnostics.has_errors() {
        // Checking links renders every page too, so it covers the templates.
        diagnostics.extend(if args.links {
            crate::site::links::check_links(&loaded.book, &args.book_dir)?
        } else {
            crate::site::render_in_memory(&loaded.book, &args.book_dir, None)?
                .err()
                .unwrap_or_default()
        });
    }
    let errors = diagnostics.error_count();
    let warnings = diagnostics.warning_count();
    let sorted = diagnostics.sorted();
    match args.format {
        CheckFormat::Json => {
            let mut json = Vec::new();
            print_json(&sorted, &mut json)?;
            write_stdout(&json)?;
        }
        CheckFormat::Human => {
            let shown: Vec<_> = if global.quiet {
                sorted
                    .into_iter()
                    .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                    .collect()
            } else {
                sorted
            };
            print_human(&shown, &args.book_dir, global.color);
            if !global.quiet {
                eprintln!("{}", summary(errors, warnings));
            }
        }
    }
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

fn summary(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => "check: no problems found".into(),
        _ => format!(
            "check: {} and {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
