//! `[history]` of `book.toml`: which revisions are the book's published
//! releases. Decoding checks what can be checked without the repository
//! (keys, one way of naming releases, the tag pattern's syntax); whether
//! the revisions exist is `published`'s part, which reads the repository.
//!
//! A pattern knows `*` (any run of characters) and `?` (one character),
//! as `git tag --list` does for the names people give releases; the tags
//! it matches are ordered by version (`v1.9` before `v1.10`), so the order
//! never depends on when a clone fetched them.

use std::cmp::Ordering;

use crate::config::{HISTORY_KEYS, HistorySection};
use crate::decode::Decoder;
use crate::node::Node;

/// Decodes `[history]`; `None` (with diagnostics) when it names no releases.
pub fn decode_history(section: &Node, decoder: &mut Decoder) -> Option<HistorySection> {
    let mut fields = decoder.fields(section, "[history]")?;
    let mut history = HistorySection {
        pos: section.pos,
        ..HistorySection::default()
    };
    // A release or pattern already refused is not reported missing too.
    let mut refused = false;
    if let Some(list) = fields.get("releases") {
        history.releases = decoder
            .text_list(list, "releases", false)
            .unwrap_or_default();
        for release in &history.releases {
            if let Some(problem) = revision_problem(&release.value) {
                refused = true;
                decoder
                    .error(
                        "invalid-release",
                        release.pos,
                        format!("release `{}` {problem}", release.value),
                    )
                    .help = Some(
                    "name a tag, a branch or a commit, as `git rev-parse` takes it: `v1.2`, `main`, `3f2a9c1`"
                        .into(),
                );
            }
        }
    }
    if let Some(node) = fields.get("tags") {
        history.tags = decoder.text(node, "tags");
    }
    if let Some(pattern) = &history.tags
        && let Some(problem) = pattern_problem(&pattern.value)
    {
        refused = true;
        decoder
            .error(
                "invalid-pattern",
                pattern.pos,
                format!("the tag pattern `{}` {problem}", pattern.value),
            )
            .help = Some(
            "write a tag name with `*` for any characters and `?` for one, e.g. `tags = \"v*\"`"
                .into(),
        );
        history.tags = None;
    }
    let named = !history.releases.is_empty();
    match (named, &history.tags) {
        (true, Some(tags)) => {
            decoder
                .error(
                    "conflicting-fields",
                    tags.pos,
                    "[history] names releases twice: by `releases` and by `tags`",
                )
                .help = Some("keep one of the two lines".into());
        }
        (false, None) if !refused => {
            decoder
                .error("empty-field", section.pos, "[history] names no release")
                .help = Some(
                "add `tags = \"v*\"` (every tag starting with v) or `releases = [\"v1.0\", \"v1.1\"]` (oldest first), or remove [history]"
                    .into(),
            );
        }
        _ => {}
    }
    fields.finish(decoder, HISTORY_KEYS, "[history]");
    (named != history.tags.is_some()).then_some(history)
}

/// Why `revision` cannot name a revision, if it cannot.
fn revision_problem(revision: &str) -> Option<&'static str> {
    if revision.trim().is_empty() {
        Some("is empty")
    } else if revision
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        Some("holds a space or a control character")
    } else {
        None
    }
}

/// Why `pattern` is not a tag pattern, if it is not.
fn pattern_problem(pattern: &str) -> Option<&'static str> {
    if pattern.trim().is_empty() {
        Some("is empty")
    } else if pattern.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("holds a space or a control character, which no tag name has")
    } else if pattern.contains(['[', ']', '{', '}', '\\', '^', '~', ':']) {
        Some("uses a character that is neither part of a tag name nor `*` or `?`")
    } else if pattern.starts_with("refs/") {
        Some("is a full reference name; tags are matched by their short name")
    } else {
        None
    }
}

/// Whether the tag `name` matches `pattern` (`*` any run, `?` one character).
pub fn matches(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // The classic two-pointer match with one backtrack point per `*`.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == name[n]) {
            p += 1;
            n += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, n));
            p += 1;
        } else if let Some((star_p, star_n)) = star {
            p = star_p + 1;
            n = star_n + 1;
            star = Some((star_p, star_n + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Orders tag names as versions: runs of digits compare as numbers
/// (`v1.9` < `v1.10`), everything else as text.
pub fn version_order(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (chunks(a), chunks(b));
    loop {
        match (left.next(), right.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u128>(), y.parse::<u128>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// `v1.10-rc2` → `v`, `1`, `.`, `10`, `-rc`, `2`.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;
    use crate::diagnostics::Diagnostics;

    fn problems(history: &str) -> Vec<String> {
        let mut diagnostics = Diagnostics::default();
        parse_config(
            &format!("[book]\ntitle = \"L\"\n[history]\n{history}"),
            &mut diagnostics,
        );
        diagnostics.sorted().iter().map(|d| d.one_line()).collect()
    }

    #[test]
    fn a_pattern_or_a_list_decodes_cleanly() {
        let mut diagnostics = Diagnostics::default();
        let config = parse_config(
            "[book]\ntitle = \"L\"\n[history]\ntags = \"v*\"\n",
            &mut diagnostics,
        );
        assert_eq!(diagnostics.error_count() + diagnostics.warning_count(), 0);
        let history = config.history.expect("decoded");
        assert_eq!(history.tags.expect("a pattern").value, "v*");
        assert!(problems("releases = [\"v1\", \"HEAD~2\"]\n").is_empty());
    }

    #[test]
    fn bad_history_sections_say_where_and_why() {
        assert_eq!(
            problems("tag = \"v*\"\n"),
            vec![
                "book.toml:3:1: error[empty-field]: [history] names no release",
                "book.toml:4:1: error[unknown-field]: unknown field `tag` in [history]",
            ]
        );
        assert_eq!(
            problems("tags = \"v[0-9]*\"\n"),
            vec![
                "book.toml:4:8: error[invalid-pattern]: the tag pattern `v[0-9]*` uses a character that is neither part of a tag name nor `*` or `?`"
            ]
        );
        assert_eq!(
            problems("releases = [\"v1\", \"\"]\ntags = \"v*\"\n"),
            vec![
                "book.toml:4:19: error[invalid-release]: release `` is empty",
                "book.toml:5:8: error[conflicting-fields]: [history] names releases twice: by `releases` and by `tags`",
            ]
        );
    }

    #[test]
    fn patterns_match_like_git_tag_list() {
        assert!(matches("v*", "v1.2"));
        assert!(matches("v*", "v"));
        assert!(!matches("v*", "release-1"));
        assert!(matches("release-?.*", "release-2.10"));
        assert!(!matches("release-?", "release-10"));
        assert!(matches("*-ladder", "2026-ladder"));
        assert!(matches("a*b*c", "aXbYbc"));
    }

    #[test]
    fn versions_order_by_number() {
        let mut tags = vec!["v1.10", "v1.9", "v2.0", "v1.9-rc1", "v1.0"];
        tags.sort_by(|a, b| version_order(a, b));
        assert_eq!(tags, vec!["v1.0", "v1.9", "v1.9-rc1", "v1.10", "v2.0"]);
    }
}
