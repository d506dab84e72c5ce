//! Text compared word by word: how alike two expectations are, and what a
//! rewording changed (similar's word diff, merged into runs).

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// How alike two texts must be, by the share of their words in common, to be
/// one expectation reworded in place rather than one removed and one added.
pub const REWORDED: f32 = 0.5;

/// How alike two texts in different levels must be to be one expectation
/// moved ("the same text, or nearly the same"): a word or two may change.
pub const MOVED: f32 = 0.8;

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    pub op: WordOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    Equal,
    Delete,
    Insert,
}

/// Two texts split into words by Unicode's rules, so punctuation is a word
/// of its own: `switch)` → `switch` `)`, and a rewording reads
/// `switch{+ and an audit log+})`.
fn words<'a>(old: &'a str, new: &'a str) -> TextDiff<'a, 'a, str> {
    TextDiff::configure().diff_unicode_words(old, new)
}

/// The share of words two texts have in common, 0 to 1; 1 only when equal.
pub fn similarity(old: &str, new: &str) -> f32 {
    if old == new {
        return 1.0;
    }
    // Likeness counts words only: spaces and punctuation are tokens of the
    // word diff, and two unrelated sentences share many of them.
    let (old_words, new_words) = (bare_words(old), bare_words(new));
    let ratio = TextDiff::configure()
        .diff_slices(&old_words, &new_words)
        .ratio();
    // Texts that differ only in spacing still differ.
    ratio.min(0.999)
}

/// The words of a text without spaces and punctuation.
fn bare_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The word diff of `old` and `new`, consecutive words of one kind merged
/// into one run (spaces included), so `[-old-]{+new+}` reads naturally.
pub fn word_diff(old: &str, new: &str) -> Vec<Words> {
    let diff = words(old, new);
    let mut runs: Vec<Words> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => WordOp::Equal,
            ChangeTag::Delete => WordOp::Delete,
            ChangeTag::Insert => WordOp::Insert,
        };
        let text = change.value();
        match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => runs.push(Words {
                op,
                text: text.to_string(),
            }),
        }
    }
    runs
}

/// How many lines were added and removed between two texts (guides).
pub fn line_counts(old: &str, new: &str) -> (usize, usize) {
    let diff = TextDiff::from_lines(old, new);
    let mut added = 0;
    let mut removed = 0;
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Insert => added += 1,
            ChangeTag::Delete => removed += 1,
            ChangeTag::Equal => {}
        }
    }
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_alike_and_different_ones_are_not() {
        assert_eq!(
            similarity("Runs the on-call rota.", "Runs the on-call rota."),
            1.0
        );
        let close = similarity(
            "Leads incident reviews for the team.",
            "Leads incident reviews for the whole team.",
        );
        assert!(close >= MOVED, "{close}");
        let far = similarity(
            "Leads incident reviews.",
            "Writes capacity plans for services.",
        );
        assert!(far < REWORDED, "{far}");
        assert!(similarity("a  b", "a b") < 1.0);
    }

    #[test]
    fn a_word_diff_merges_runs_of_one_kind() {
        let runs = word_diff("Fixes small bugs alone.", "Fixes large bugs with help.");
        let shown: String = runs
            .iter()
            .map(|w| match w.op {
                WordOp::Equal => w.text.clone(),
                WordOp::Delete => format!("[-{}-]", w.text),
                WordOp::Insert => format!("{{+{}+}}", w.text),
            })
            .collect();
        assert_eq!(
            shown,
            "Fixes [-small-]{+large+} bugs [-alone-]{+with help+}."
        );
    }

    #[test]
    fn line_counts_count_insertions_and_deletions() {
        assert_eq!(line_counts("a\nb\nc\n", "a\nB\nc\nd\n"), (2, 1));
        assert_eq!(line_counts("same\n", "same\n"), (0, 0));
    }
}
