//! The least work a generator built on ladderbook's required crates does for
//! a folder of guides: read each file, parse its front matter with
//! serde-saphyr (with spans, as diagnostics need), render the Markdown with
//! pulldown-cmark, put the body in a small tera layout with a title and a
//! fixed navigation, write the page, and write a search index of each
//! page's title and text. No validation, links, anchors, sections, chrome
//! or print edition.
//!
//! The benchmark (bench/measure.py) times it beside ladderbook and
//! `cp -r`: what is left between it and ladderbook is ladderbook's own
//! work, and what is left between it and `cp -r` no generator on these
//! crates can avoid.
//!
//! ```sh
//! cargo run --release --example stack_floor -- BOOK/content/pages --out DIR
//! ```

use std::io::Write as _;
use std::path::PathBuf;

use pulldown_cmark::{Event, Parser, html};
use rayon::prelude::*;
use serde::Deserialize;
use serde_saphyr::Spanned;

#[path = "floors/mod.rs"]
mod floors;

/// A guide's front matter, every value with its position.
#[derive(Deserialize)]
struct FrontMatter {
    title: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)] // parsed as a generator must, not used here
    order: Option<Spanned<i64>>,
}

/// The page every guide is written into: about the markup a minimal theme
/// has around a body.
const LAYOUT: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }} · {{ book }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{{ root }}assets/style.css"></head>
<body><header><a href="{{ root }}index.html">{{ book }}</a></header>
<nav><ul>{{ nav | safe }}</ul></nav>
<main><h1>{{ title }}</h1>
{{ body | safe }}</main>
<footer>{{ book }}</footer></body></html>
"#;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (source, out) = match args.as_slice() {
        [source, flag, out] if flag == "--out" => (PathBuf::from(source), PathBuf::from(out)),
        _ => {
            eprintln!("usage: stack_floor SOURCE_DIR --out DIR");
            std::process::exit(2);
        }
    };
    let files = floors::guide_files(&source);
    floors::make_folders(&files, &source, &out);
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_template("page.html", LAYOUT)
        .expect("the layout parses");
    // A sidebar of about the size ladderbook's window shows, the same on
    // every page (ladderbook's differs around the page).
    let nav: String = (1..=30)
        .map(|n| format!("<li><a href=\"../section-{n:03}/index.html\">Section {n}</a></li>\n"))
        .collect();
    let entries: Vec<String> = files
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap_or_else(|err| floors::fail(file, &err));
            let (front, body) = split_front_matter(&text);
            let front: FrontMatter =
                serde_saphyr::from_str(front).unwrap_or_else(|err| floors::fail(file, &err));
            let mut html_body = String::with_capacity(body.len() * 3 / 2);
            let mut plain = String::with_capacity(body.len());
            let events =
                Parser::new_ext(body, ladderbook::markdown::parser_options()).inspect(|event| {
                    if let Event::Text(run) | Event::Code(run) = event {
                        plain.push_str(run);
                        plain.push(' ');
                    }
                });
            html::push_html(&mut html_body, events);
            let mut context = tera::Context::new();
            context.insert("title", &front.title.value);
            context.insert("book", "Synthetic handbook");
            context.insert("root", "../../");
            context.insert("nav", &nav);
            context.insert("body", &html_body);
            let mut page = Vec::with_capacity(html_body.len() + 4096);
            tera.render_to("page.html", &context, &mut page)
                .expect("the layout renders");
            let target = floors::target_of(file, &source, &out);
            std::fs::write(&target, &page).unwrap_or_else(|err| floors::fail(&target, &err));
            serde_json::to_string(&(front.title.value, &plain)).expect("strings serialise")
        })
        .collect();
    let index_path = out.join("search-index.js");
    let index =
        std::fs::File::create(&index_path).unwrap_or_else(|err| floors::fail(&index_path, &err));
    let mut index = std::io::BufWriter::with_capacity(1 << 16, index);
    let written = index
        .write_all(b"window.searchIndex=[")
        .and_then(|()| {
            for (position, entry) in entries.iter().enumerate() {
                if position > 0 {
                    index.write_all(b",")?;
                }
                index.write_all(entry.as_bytes())?;
            }
            index.write_all(b"];\n")
        })
        .and_then(|()| index.flush());
    written.unwrap_or_else(|err| floors::fail(&index_path, &err));
    println!("{} pages", files.len());
}

/// The YAML between the leading `---` lines, and the Markdown after them.
fn split_front_matter(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return ("", text);
    };
    match rest.find("\n---\n") {
        Some(end) => (&rest[..end + 1], &rest[end + 5..]),
        None => ("", text),
    }
}
