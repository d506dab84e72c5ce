//! `ladderbook team`: load the book, read the assessments given, check them
//! through `filled`, compute the report in `team`, write it in the chosen
//! format to standard output or `--out`.

use std::path::Path;

use anyhow::Context as _;

use crate::cli::{TeamArgs, TeamFormat};
use crate::cmd::inputs::read_json_inputs;
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::filled::check_assessments;
use crate::report::count;
use crate::report::terminal::colour_stdout;
use crate::stdout::write_stdout;
use crate::team::basis::{Against, level_named};
use crate::team::report::team_report;
use crate::team::{html, json, markdown, text};

pub fn run(args: &TeamArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book, global);
        eprintln!("team: the book has errors; fix them first");
        return Ok(Outcome::Problems);
    }
    let against = match &args.level {
        Some(id) => Against::Level(level_named(&loaded.book, id).map_err(anyhow::Error::msg)?),
        None => Against::EachCurrent,
    };
    let inputs = read_json_inputs(&args.paths)?;
    let mut diagnostics = crate::diagnostics::Diagnostics::default();
    let files = check_assessments(&loaded.book, &inputs, &mut diagnostics);
    if diagnostics.has_errors() {
        let errors = diagnostics.error_count();
        // File names are as given on the command line, relative to here.
        report_problems(diagnostics, Path::new(""), global);
        eprintln!(
            "team: {} in the files; nothing reported",
            count(errors, "problem")
        );
        return Ok(Outcome::Problems);
    }
    let report = team_report(&loaded.book, &files, against);
    let to_html = args.out.as_ref().is_some_and(|out| {
        out.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html"))
    });
    let format = args.format.unwrap_or(if to_html {
        TeamFormat::Html
    } else {
        TeamFormat::Text
    });
    let output = match format {
        TeamFormat::Text => {
            text::render_text(&report, args.out.is_none() && colour_stdout(global.color))
        }
        TeamFormat::Markdown => markdown::render_markdown(&report),
        TeamFormat::Json => json::render_json(&report),
        TeamFormat::Html => html::render_html(&report, &loaded.book.config.book.language),
    };
    match &args.out {
        Some(out) => {
            std::fs::write(out, output.as_bytes())
                .with_context(|| format!("cannot write `{}`", out.display()))?;
            if !global.quiet {
                eprintln!(
                    "team: wrote {} about {} to {}",
                    count(files.len(), "file"),
                    count(report.people.len(), "person").replace("persons", "people"),
                    out.display()
                );
            }
        }
        None => write_stdout(output.as_bytes())?,
    }
    if !report.notices.is_empty() && !global.quiet {
        eprintln!(
            "team: {} made against another version of the ladder; see the notices",
            count(report.notices.len(), "file")
        );
    }
    Ok(Outcome::Success)
}
