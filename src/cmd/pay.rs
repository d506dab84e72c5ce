//! `ladderbook pay`: load the book, build the bands report, print it in the
//! chosen format. Works whether or not `[pay] publish` is set: the report
//! goes to the person who runs it, never to the site.

use crate::cli::{PayArgs, PayFormat};
use crate::cmd::{Global, Outcome, report_problems};
use crate::content::load_book;
use crate::pay::{csv, json, markdown, report::pay_report, text};
use crate::report::envelope::BookRef;
use crate::stdout::write_stdout;

pub fn run(args: &PayArgs, global: Global) -> anyhow::Result<Outcome> {
    let loaded = load_book(&args.book_dir)?;
    if loaded.diagnostics.has_errors() {
        report_problems(loaded.diagnostics, &args.book_dir, global);
        eprintln!("pay: the book has errors; fix them first");
        return Ok(Outcome::Problems);
    }
    let Some(pay) = &loaded.book.pay else {
        eprintln!(
            "pay: the book has no content/pay.yaml\n  help: write one with each level's band; see \"Publishing pay ranges and progression criteria\" in docs/workflows.md"
        );
        return Ok(Outcome::Problems);
    };
    let report = pay_report(&loaded.book, pay);
    let output = match args.format {
        PayFormat::Text => text::render_text(&report),
        PayFormat::Markdown => markdown::render_markdown(&report),
        PayFormat::Csv => csv::render_csv(&report),
        PayFormat::Json => json::render_json(&report, &BookRef::of(&loaded.book)),
    };
    write_stdout(output.as_bytes())?;
    Ok(Outcome::Success)
}
