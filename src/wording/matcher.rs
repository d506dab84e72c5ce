//! The word matcher: every word and phrase of a language's lists in one
//! precompiled Aho-Corasick automaton, so a text is read once whatever the
//! number of words (issue 27's performance note).
//!
//! Matching is case-insensitive (Unicode lower case) and by whole words: a
//! hit must not have a letter or digit right before it, nor, unless it is a
//! stem (`aggress*`), right after it. A stem's hit runs to the end of the
//! word it starts.

use aho_corasick::{AhoCorasick, MatchKind};

/// One word or phrase of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Lower case, without the stem's `*`.
    pub text: String,
    pub stem: bool,
}

impl Pattern {
    /// `"Aggress*"` → the stem `aggress`.
    pub fn parse(written: &str) -> Pattern {
        let trimmed = written.trim();
        match trimmed.strip_suffix('*') {
            Some(stem) => Pattern {
                text: stem.to_lowercase(),
                stem: true,
            },
            None => Pattern {
                text: trimmed.to_lowercase(),
                stem: false,
            },
        }
    }
}

/// A found word: which pattern, and where, in bytes of the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

pub struct WordMatcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

impl WordMatcher {
    pub fn new(patterns: Vec<Pattern>) -> WordMatcher {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .expect("word lists are small enough for the automaton");
        WordMatcher {
            automaton,
            patterns,
        }
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Every whole-word hit in `text`, in order; a hit inside a longer hit
    /// (`he` in `he/she`) is dropped.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let lowered = Lowered::of(text);
        let haystack = lowered.text();
        let mut hits: Vec<Hit> = Vec::new();
        for found in self.automaton.find_overlapping_iter(haystack) {
            let pattern = &self.patterns[found.pattern().as_usize()];
            let (start, mut end) = (found.start(), found.end());
            if ends_word(haystack, ..start).is_some_and(is_word_char) {
                continue;
            }
            let after = haystack[end..].chars().next();
            if pattern.stem {
                end += haystack[end..]
                    .find(|c: char| !is_word_char(c))
                    .unwrap_or(haystack.len() - end);
            } else if after.is_some_and(is_word_char) {
                continue;
            }
            hits.push(Hit {
                pattern: found.pattern().as_usize(),
                start: lowered.original(start),
                end: lowered.original(end),
            });
        }
        hits.sort_by_key(|hit| (hit.start, std::cmp::Reverse(hit.end)));
        // Hits of one span (a word in two lists) are all kept.
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut covered = (0, 0);
        for hit in hits {
            let same_span = (hit.start, hit.end) == covered;
            if hit.start < covered.1 && !same_span {
                continue;
            }
            covered = (hit.start, hit.end);
            kept.push(hit);
        }
        kept
    }
}

fn ends_word(text: &str, range: std::ops::RangeTo<usize>) -> Option<char> {
    text[range].chars().next_back()
}

/// Letters, digits and the marks that join them (Unicode-aware).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A text in lower case, with the way back to the original's offsets when
/// lowering changed lengths (`İ` is two characters in lower case).
enum Lowered<'a> {
    Same(std::borrow::Cow<'a, str>),
    Mapped { text: String, origins: Vec<usize> },
}

impl<'a> Lowered<'a> {
    fn of(text: &'a str) -> Lowered<'a> {
        if text.is_ascii() {
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                return Lowered::Same(text.to_ascii_lowercase().into());
            }
            return Lowered::Same(text.into());
        }
        let mut lowered = String::with_capacity(text.len());
        let mut origins = Vec::with_capacity(text.len() + 1);
        for (offset, c) in text.char_indices() {
            for lower in c.to_lowercase() {
                lowered.push(lower);
                origins.resize(lowered.len(), offset);
            }
        }
        origins.push(text.len());
        if lowered.len() == text.len() {
            return Lowered::Same(lowered.into());
        }
        Lowered::Mapped {
            text: lowered,
            origins,
        }
    }

    fn text(&self) -> &str {
        match self {
            Lowered::Same(text) => text,
            Lowered::Mapped { text, .. } => text,
        }
    }

    fn original(&self, offset: usize) -> usize {
        match self {
            Lowered::Same(_) => offset,
            Lowered::Mapped { origins, .. } => origins[offset],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(words: &[&str]) -> WordMatcher {
        WordMatcher::new(words.iter().map(|w| Pattern::parse(w)).collect())
    }

    fn found<'t>(m: &WordMatcher, text: &'t str) -> Vec<&'t str> {
        m.find(text).iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn only_whole_words_match() {
        let m = matcher(&["he", "his", "man"]);
        assert_eq!(found(&m, "He fixed the shell; this is his."), ["He", "his"]);
        assert!(found(&m, "the chairman, human and manage").is_empty());
        assert_eq!(found(&m, "he's here, (he) and he."), ["he", "he", "he"]);
    }

    #[test]
    fn case_does_not_matter() {
        let m = matcher(&["Chairman"]);
        assert_eq!(
            found(&m, "CHAIRMAN and chairman and ChairMan"),
            ["CHAIRMAN", "chairman", "ChairMan"]
        );
    }

    #[test]
    fn a_stem_matches_every_word_it_starts() {
        let m = matcher(&["aggress*"]);
        assert_eq!(
            found(&m, "Aggressive goals, aggression, aggress. Unaggressive."),
            ["Aggressive", "aggression", "aggress"]
        );
    }

    #[test]
    fn phrases_match_and_win_over_the_words_inside_them() {
        let m = matcher(&["he", "he/she", "natural leader", "leader"]);
        assert_eq!(
            found(&m, "If he/she is a natural leader"),
            ["he/she", "natural leader"]
        );
        assert_eq!(found(&m, "a natural leadership"), Vec::<&str>::new());
    }

    #[test]
    fn a_word_in_two_lists_is_found_by_both() {
        let m = matcher(&["aggressive", "aggress*"]);
        let hits = m.find("An aggressive plan");
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].start, hits[0].end), (hits[1].start, hits[1].end));
    }

    #[test]
    fn boundaries_are_unicode_aware() {
        let m = matcher(&["he", "guys"]);
        // A letter outside ASCII is still part of the word.
        assert!(found(&m, "théorie, hé, éhe, heé").is_empty());
        assert_eq!(found(&m, "«he» — guys…"), ["he", "guys"]);
        // Lower-casing that changes lengths keeps the offsets of the original.
        assert_eq!(found(&m, "İİ GUYS İ he"), ["GUYS", "he"]);
    }
}
