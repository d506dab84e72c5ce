//! The word lists, one data file per language (`lists/<language>.toml`,
//! embedded), read once into one [`WordMatcher`] per language.
//!
//! A book whose `[book] language` has no list gets no wording findings:
//! English words in a German text are names or code, not criteria.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::matcher::{Pattern, WordMatcher};

/// What a list entry is about; each kind has its diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gendered,
    Trait,
    Masculine,
    Feminine,
}

/// One word or phrase as the list writes it, with its hint.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub written: String,
    pub hint: String,
}

pub struct WordList {
    pub entries: Vec<Entry>,
    pub matcher: WordMatcher,
    pub gendered_reason: String,
    pub trait_reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFile {
    #[allow(dead_code)]
    language: String,
    #[serde(rename = "gendered-word")]
    gendered: Group,
    #[serde(rename = "trait-not-behaviour")]
    traits: Group,
    #[serde(rename = "coded-word")]
    coded: Coded,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    reason: String,
    words: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Coded {
    masculine: Vec<String>,
    feminine: Vec<String>,
}

/// The lists bundled with ladderbook, by primary language subtag.
const BUNDLED: &[(&str, &str)] = &[("en", include_str!("lists/en.toml"))];

/// The list of a BCP 47 language tag (`en-GB` → `en`), if there is one.
pub fn list_for(language: &str) -> Option<&'static WordList> {
    static LISTS: OnceLock<Vec<(&'static str, WordList)>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        BUNDLED
            .iter()
            .map(|(language, text)| (*language, parse_list(text).expect("bundled lists parse")))
            .collect()
    });
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    lists
        .iter()
        .find(|(language, _)| *language == primary)
        .map(|(_, list)| list)
}

/// A list file's text → the list and its matcher.
pub fn parse_list(text: &str) -> Result<WordList, toml::de::Error> {
    let file: ListFile = toml::from_str(text)?;
    let mut entries = Vec::new();
    for (kind, group) in [
        (Kind::Gendered, &file.gendered),
        (Kind::Trait, &file.traits),
    ] {
        entries.extend(group.words.iter().map(|(written, hint)| Entry {
            kind,
            written: written.clone(),
            hint: hint.clone(),
        }));
    }
    for (kind, words) in [
        (Kind::Masculine, &file.coded.masculine),
        (Kind::Feminine, &file.coded.feminine),
    ] {
        entries.extend(words.iter().map(|written| Entry {
            kind,
            written: written.clone(),
            hint: String::new(),
        }));
    }
    let matcher = WordMatcher::new(entries.iter().map(|e| Pattern::parse(&e.written)).collect());
    Ok(WordList {
        entries,
        matcher,
        gendered_reason: file.gendered.reason,
        trait_reason: file.traits.reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lists_parse_and_other_languages_have_none() {
        let english = list_for("en-GB").expect("an English list");
        assert!(english.entries.iter().any(|e| e.written == "chairman"));
        assert!(list_for("de").is_none());
        assert!(list_for("").is_none());
    }
}
