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

use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

/// The allocator ladderbook uses (src/main.rs): a floor measured with
/// glibc's would pay the cost ladderbook avoids.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&source)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    if let Some(out) = &out {
        for file in &files {
            let target = target_of(file, &source, out);
            std::fs::create_dir_all(target.parent().expect("below the output"))
                .unwrap_or_else(|err| fail(&target, &err));
        }
    }
    let bytes: usize = files
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap_or_else(|err| fail(file, &err));
            let mut page = String::with_capacity(text.len() * 3 / 2);
            html::push_html(&mut page, Parser::new_ext(&text, options()));
            if let Some(out) = &out {
                let target = target_of(file, &source, out);
                std::fs::write(&target, &page).unwrap_or_else(|err| fail(&target, &err));
            }
            page.len()
        })
        .sum();
    println!("{} files, {bytes} bytes of HTML", files.len());
}

/// The options ladderbook renders guides with (src/markdown.rs).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn target_of(file: &Path, source: &Path, out: &Path) -> PathBuf {
    let relative = file.strip_prefix(source).expect("found below the source");
    out.join(relative).with_extension("html")
}

fn fail(path: &Path, err: &std::io::Error) -> ! {
    eprintln!("markdown_floor: {}: {err}", path.display());
    std::process::exit(1);
}
