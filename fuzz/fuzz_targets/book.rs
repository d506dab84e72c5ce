//! Fuzz target (b): a whole book in memory through loading, validation and
//! rendering of every page and export, then the link check of the result.
//!
//! The input is UTF-8 text split at NUL bytes: the first part is `book.toml`,
//! each other part a content file as `<path below content/>\n<text>`. A book
//! with errors stops after validation, as `build` does.
//!
//! Besides "no panic, hang or OOM", every file of the site must land below
//! the output root: no absolute path, no `..`, no `\`, no NUL.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use ladderbook::content::memory::{MemoryFile, load_memory_book};
use ladderbook::render::{Renderer, plan_pages};
use ladderbook::site::{BuildFailure, MemorySink, render_site};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\0');
    let config = parts.next().unwrap_or_default();
    let files: Vec<MemoryFile> = parts
        .filter_map(|part| {
            let (path, text) = part.split_once('\n')?;
            Some(MemoryFile {
                path: path.to_string(),
                text: text.to_string(),
            })
        })
        .collect();
    let loaded = load_memory_book(config, &files);
    if loaded.diagnostics.has_errors() {
        return;
    }
    // No themes/ here: the built-in theme only.
    let Ok(renderer) = Renderer::new(&loaded.book, Path::new("/nonexistent/ladderbook-fuzz"))
    else {
        return;
    };
    let plan = plan_pages(&loaded.book);
    let sink = MemorySink::default();
    match render_site(&loaded.book, &renderer, &plan, &sink) {
        Ok(_) => {}
        // Guides' links are checked as their pages render.
        Err(BuildFailure::Problems(problems))
            if problems.iter().all(|d| d.code == "broken-link") =>
        {
            return;
        }
        Err(_) => panic!("the built-in theme failed on a book without errors"),
    }
    let site = sink.into_files();
    for path in site.keys() {
        assert!(
            !path.is_empty()
                && !path.starts_with('/')
                && !path.contains(['\\', '\0', ':'])
                && path.split('/').all(|part| !matches!(part, "" | "." | "..")),
            "unsafe output path {path:?}"
        );
    }
    ladderbook::site::links::broken_links(&site);
});
