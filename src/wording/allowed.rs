//! Allowing one place: a comment with `ladderbook-allow` on the line of a
//! finding or on the line above it.
//!
//! ```yaml
//! # ladderbook-allow: gendered-word
//! - Quotes the chairman's letter in the review.
//! ```
//!
//! In Markdown, an HTML comment does the same (raw HTML never reaches the
//! page unless the book allows it, and a comment is dropped either way):
//! `<!-- ladderbook-allow: chairman -->`. After the colon come codes or
//! words, separated by commas; none at all allows every finding there.

use std::collections::HashMap;

const MARK: &str = "ladderbook-allow";

/// The marks of every file that has some: line → what they allow.
#[derive(Debug, Default)]
pub struct AllowMarks {
    by_file: HashMap<String, Vec<(u32, Vec<String>)>>,
}

impl AllowMarks {
    /// Reads the marks of one file (most have none, and cost one search).
    pub fn add_file(&mut self, file: &str, text: &str) {
        let finder = memchr::memmem::Finder::new(MARK);
        if finder.find(text.as_bytes()).is_none() {
            return;
        }
        let marks: Vec<(u32, Vec<String>)> = text
            .lines()
            .enumerate()
            .filter_map(|(index, line)| {
                let at = finder.find(line.as_bytes())?;
                let rest = line[at + MARK.len()..].trim_start();
                let rest = rest.strip_prefix(':').unwrap_or(rest);
                let rest = rest.split("-->").next().unwrap_or(rest);
                let items = rest
                    .split(',')
                    .map(|item| item.trim().to_lowercase())
                    .filter(|item| !item.is_empty())
                    .collect();
                Some((index as u32 + 1, items))
            })
            .collect();
        self.by_file.insert(file.to_string(), marks);
    }

    /// Whether a mark on `line` or the line above allows `code` or `word`.
    pub fn allows(&self, file: &str, line: u32, code: &str, word: &str) -> bool {
        let Some(marks) = self.by_file.get(file) else {
            return false;
        };
        let word = word.to_lowercase();
        marks.iter().any(|(at, items)| {
            (*at == line || *at + 1 == line)
                && (items.is_empty() || items.iter().any(|item| item == code || *item == word))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_allows_its_line_and_the_next() {
        let mut marks = AllowMarks::default();
        marks.add_file("a.yaml", "x: 1\n# ladderbook-allow: gendered-word, Chairman\ny: he\nz: he\n<!-- ladderbook-allow -->\n");
        assert!(marks.allows("a.yaml", 3, "gendered-word", "he"));
        assert!(marks.allows("a.yaml", 2, "trait-not-behaviour", "chairman"));
        assert!(!marks.allows("a.yaml", 4, "gendered-word", "he"));
        assert!(marks.allows("a.yaml", 6, "coded-word", "anything"));
        assert!(!marks.allows("b.yaml", 3, "gendered-word", "he"));
    }
}
