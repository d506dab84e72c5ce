//! `ladderbook build`: load, validate, render, write.

use std::time::Instant;

use crate::cli::BuildArgs;
use crate::cmd::{Global, Outcome, report_problems};
use crate::config::theme_of;
use crate::history::published::load_with_history;
use crate::render::Templates;
use crate::site::place::configured_output_problems;
use crate::site::{BuildFailure, build_site};

pub fn run(args: &BuildArgs, global: Global) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    if global.verbose {
        crate::timings::enable();
    }
    // The templates do not depend on the content: they are parsed while it
    // loads (a failure is reported by the build, which parses them again).
    let (loaded, parsed) = rayon::join(
        || load_with_history(&args.book_dir),
        || {
            crate::timings::measure("load: templates (alongside)", || {
                let theme = theme_of(&args.book_dir)?;
                Templates::load(&args.book_dir, &theme).ok()
            })
        },
    );
    let mut loaded = loaded?;
    if args.out.is_none() {
        // The folder book.toml names is the book's problem, as `check` says.
        let problems = configured_output_problems(&loaded.book, &args.book_dir);
        loaded.diagnostics.extend(problems);
    }
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book_dir, global);
        eprintln!("build: nothing written; the previous site is untouched");
        return Ok(Outcome::Problems);
    }
    let book = loaded.book;
    if global.verbose {
        eprintln!(
            "build: loaded {} levels, {} competencies, {} archetypes, {} scorecards, {} pages in {} ms (ladder version {})",
            book.levels.len(),
            book.competencies.len(),
            book.archetypes.len(),
            book.scorecards.len(),
            book.pages.len(),
            started.elapsed().as_millis(),
            book.version
        );
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| book.config.output_dir(&args.book_dir));
    match build_site(&book, &args.book_dir, &out, parsed) {
        Ok(stats) => {
            report_problems(loaded.diagnostics, &args.book_dir, global);
            for (stage, took) in crate::timings::take() {
                eprintln!("build: {stage:<24} {:>8.1} ms", took.as_secs_f64() * 1000.0);
            }
            if let (true, Some(why)) = (
                global.verbose,
                stats.output.as_ref().and_then(|o| o.no_links.as_ref()),
            ) {
                eprintln!(
                    "build: hard links unavailable ({why}): unchanged files were written again, keeping their modification time"
                );
            }
            if !global.quiet {
                let (written, unchanged) = stats
                    .output
                    .as_ref()
                    .map_or((stats.files, 0), |o| (o.written, o.unchanged));
                eprintln!(
                    "build: {} pages to {} in {} ms: {written} files written, {unchanged} unchanged ({:.1} KB in all; search index {:.1} KB, {:.0}% of the HTML)",
                    stats.pages,
                    out.display(),
                    started.elapsed().as_millis(),
                    stats.bytes as f64 / 1024.0,
                    stats.search_index_bytes as f64 / 1024.0,
                    100.0 * stats.search_index_bytes as f64 / stats.html_bytes.max(1) as f64
                );
            }
            Ok(Outcome::Success)
        }
        Err(BuildFailure::Problems(problems)) => {
            report_problems(problems, &args.book_dir, global);
            eprintln!("build: nothing written; the previous site is untouched");
            Ok(Outcome::Problems)
        }
        Err(BuildFailure::Tool(err)) => Err(err),
    }
}
