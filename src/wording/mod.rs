//! Wording checks (issue 27): the ladder's criteria read for gendered words,
//! traits named instead of behaviours, and a masculine-coded lean, so that
//! the published criteria are objective and gender-neutral (Article 6 of
//! Directive (EU) 2023/970).
//!
//! The stages, in order:
//! - `texts`    the raw book → every checked text, with its file and position
//! - `skip`     what of a text is not read (quotes, code, URLs, block quotes)
//! - `lists`    the word lists (data: `lists/<language>.toml`) of the book's language
//! - `matcher`  one Aho-Corasick pass per text over every word of the lists
//! - `allowed`  the `ladderbook-allow` comments that allow one place
//! - `settings` `[lint]`: codes turned off, words allowed everywhere
//!
//! Invariants: reads only the raw book and the files' text; every finding
//! is a warning with a stable code at file:line:col; a language without a
//! list gets no finding.

pub mod allowed;
pub mod lists;
pub mod matcher;
pub mod settings;
pub mod skip;
pub mod texts;

use crate::content::raw::RawBook;
use crate::diagnostics::{Diagnostic, Diagnostics};

use allowed::AllowMarks;
use lists::{Kind, WordList};
use settings::LintSettings;
use texts::Text;

/// What the wording checks need besides the raw book.
pub struct WordingInput<'a> {
    pub language: &'a str,
    pub lint: &'a LintSettings,
    pub marks: &'a AllowMarks,
}

/// Every wording finding of the book.
pub fn check_wording(raw: &RawBook, input: &WordingInput) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    let Some(list) = lists::list_for(input.language) else {
        return diagnostics;
    };
    let all_off = ["gendered-word", "coded-word", "trait-not-behaviour"]
        .iter()
        .all(|code| input.lint.is_off(code));
    if all_off {
        return diagnostics;
    }
    for text in texts::book_texts(raw) {
        check_text(&text, list, input, &mut diagnostics);
    }
    diagnostics
}

/// A masculine- or feminine-coded word found in a text.
struct Coded<'t> {
    word: &'t str,
    masculine: bool,
}

fn check_text(text: &Text, list: &WordList, input: &WordingInput, out: &mut Diagnostics) {
    let hits = list.matcher.find(text.text);
    if hits.is_empty() {
        return;
    }
    let skipped = skip::skipped_ranges(text.text);
    let mut coded = Vec::new();
    for hit in hits {
        if skip::is_skipped(&skipped, hit.start) {
            continue;
        }
        let entry = &list.entries[hit.pattern];
        let found = &text.text[hit.start..hit.end];
        let code = match entry.kind {
            Kind::Gendered => "gendered-word",
            Kind::Trait => "trait-not-behaviour",
            Kind::Masculine | Kind::Feminine => "coded-word",
        };
        let pos = text.pos_of(hit.start);
        if input.lint.is_off(code)
            || input.lint.allows(&entry.written, found)
            || input.marks.allows(text.file, pos.line, code, found)
        {
            continue;
        }
        let reason = match entry.kind {
            Kind::Gendered => &list.gendered_reason,
            Kind::Trait => &list.trait_reason,
            Kind::Masculine | Kind::Feminine => {
                if text.coded {
                    coded.push(Coded {
                        word: found,
                        masculine: entry.kind == Kind::Masculine,
                    });
                }
                continue;
            }
        };
        let mut diagnostic =
            Diagnostic::warning(code, text.file, pos, format!("“{found}” {reason}"));
        if !entry.hint.is_empty() {
            diagnostic = diagnostic.with_help(entry.hint.clone());
        }
        out.push(diagnostic);
    }
    if let Some(balance) = coded_balance(text, &coded) {
        out.push(balance);
    }
}

/// A text that leans masculine-coded: more masculine-coded words than
/// feminine-coded ones. Gaucher, Friesen and Kay found that masculine
/// wording makes a job less appealing to women, and feminine wording has no
/// such effect on men, so only that lean is reported; the message shows
/// the whole balance.
fn coded_balance(text: &Text, coded: &[Coded]) -> Option<Diagnostic> {
    let words = |masculine: bool| -> Vec<&str> {
        coded
            .iter()
            .filter(|c| c.masculine == masculine)
            .map(|c| c.word)
            .collect()
    };
    let (masculine, feminine) = (words(true), words(false));
    if masculine.len() <= feminine.len() {
        return None;
    }
    let list = |words: &[&str]| {
        if words.is_empty() {
            String::new()
        } else {
            format!(" ({})", words.join(", "))
        }
    };
    Some(
        Diagnostic::warning(
            "coded-word",
            text.file,
            text.pos,
            format!(
                "this {} leans masculine-coded: {} masculine-coded{} against {} feminine-coded{}",
                text.what,
                masculine.len(),
                list(&masculine),
                feminine.len(),
                list(&feminine)
            ),
        )
        .with_help("say what the work is and what good looks like (\"sets targets and meets them\"), rather than the temperament it takes"),
    )
}
