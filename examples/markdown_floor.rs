//! The least work any pulldown-cmark site generator does for a folder of
//! Markdown pages: read each file, render it to HTML with ladderbook's
//! parser options, and (with `--out`) write the fragment to its own file.
//! No front matter, templates, links, navigation or search.
//!
//! The benchmark (bench/measure.py) times it beside the real tools: it is
//! the floor under ladderbook's time, as `cp -r` is the floor of the I/O.
//!
//! ```sh
//! cargo run --release --example markdown_floor -- BOOK/content/pages [--out DIR]
//! ```

use std::path::PathBuf;

use pulldown_cmark::{Parser, html};
use rayon::prelude::*;

#[path = "floors/mod.rs"]
mod floors;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (source, out) = match args.as_slice() {
        [source] => (PathBuf::from(source), None),
        [source, flag, out] if flag == "--out" => (PathBuf::from(source), Some(PathBuf::from(out))),
        _ => {
            eprintln!("usage: markdown_floor SOURCE_DIR [--out DIR]");
            std::process::exit(2);
        }
    };
    let files = floors::guide_files(&source);
    if let Some(out) = &out {
        floors::make_folders(&files, &source, out);
    }
    let bytes: usize = files
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap_or_else(|err| floors::fail(file, &err));
            let mut page = String::with_capacity(text.len() * 3 / 2);
            html::push_html(
                &mut page,
                Parser::new_ext(&text, ladderbook::markdown::parser_options()),
            );
            if let Some(out) = &out {
                let target = floors::target_of(file, &source, out);
                std::fs::write(&target, &page).unwrap_or_else(|err| floors::fail(&target, &err));
            }
            page.len()
        })
        .sum();
    println!("{} files, {bytes} bytes of HTML", files.len());
}
