//! The address of every id of the book, for `@/kind/id#anchor` links: built
//! by `resolve` before any Markdown is read, kept in the model so a guide's
//! body can be rendered when its page is written.

use std::collections::HashMap;

use crate::decode::did_you_mean;
use crate::markdown::{LinkProblem, LinkResolver};

/// Every id of every kind, known before any Markdown is rendered so that
/// `@/` links can be checked in one pass. Maps go from id to raw index (or
/// [`UNDECODED`]).
#[derive(Debug, Clone, Default)]
pub struct LinkTargets {
    pub(crate) levels: HashMap<String, usize>,
    pub(crate) competencies: HashMap<String, usize>,
    pub(crate) archetypes: HashMap<String, usize>,
    pub(crate) scorecards: HashMap<String, usize>,
    pub(crate) pages: HashMap<String, usize>,
    /// Interview ids per scorecard id, for `@/scorecards/x#interview`.
    pub(crate) interviews: HashMap<String, Vec<String>>,
    /// Which of the raw items survive (first of duplicate ids wins).
    pub(crate) keep_levels: Vec<bool>,
    pub(crate) keep_competencies: Vec<bool>,
    pub(crate) keep_archetypes: Vec<bool>,
    pub(crate) keep_scorecards: Vec<bool>,
}

/// The raw index recorded for the id of a file that could not be decoded.
pub const UNDECODED: usize = usize::MAX;

const LINK_KINDS: &[&str] = &[
    "levels",
    "competencies",
    "archetypes",
    "scorecards",
    "pages",
];

impl LinkTargets {
    /// Everything [`LinkResolver::resolve`] looks at, as one number: where
    /// two books have the same, every link resolves alike in both, to the
    /// same address or the same problem.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        let tables = [
            &self.levels,
            &self.competencies,
            &self.archetypes,
            &self.scorecards,
            &self.pages,
        ];
        for table in tables {
            let mut ids: Vec<&String> = table.keys().collect();
            ids.sort_unstable();
            ids.hash(&mut hasher);
        }
        let mut interviews: Vec<(&String, &Vec<String>)> = self.interviews.iter().collect();
        interviews.sort_unstable();
        interviews.hash(&mut hasher);
        hasher.finish()
    }

    /// Whether `#anchor` names a section of the `kind` page `id`, or is not
    /// checked here: free-text headings are checked on the built site
    /// (`check --links`), and a kind with no known sections checks nothing.
    /// Looked up, not listed: every anchored link of every guide comes here.
    fn is_known_anchor(&self, kind: &str, id: &str, anchor: &str) -> bool {
        match kind {
            "levels" => self.competencies.contains_key(anchor) || LEVEL_SECTIONS.contains(&anchor),
            "competencies" => self.levels.is_empty() || self.levels.contains_key(anchor),
            "scorecards" => self.interviews.get(id).is_none_or(|interviews| {
                interviews.iter().any(|interview| interview == anchor)
                    || SCORECARD_SECTIONS.contains(&anchor)
            }),
            _ => true,
        }
    }

    /// The sections [`Self::is_known_anchor`] accepts, for the help of a
    /// link to another one.
    fn known_anchors(&self, kind: &str, id: &str) -> Vec<&str> {
        match kind {
            "levels" => self
                .competencies
                .keys()
                .map(String::as_str)
                .chain(LEVEL_SECTIONS.iter().copied())
                .collect(),
            "competencies" => self.levels.keys().map(String::as_str).collect(),
            "scorecards" => self
                .interviews
                .get(id)
                .map(|list| {
                    list.iter()
                        .map(String::as_str)
                        .chain(SCORECARD_SECTIONS.iter().copied())
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

impl LinkResolver for LinkTargets {
    fn resolve(&self, kind: &str, id: &str, anchor: Option<&str>) -> Result<String, LinkProblem> {
        let ids = self;
        let table = match kind {
            "levels" => &ids.levels,
            "competencies" => &ids.competencies,
            "archetypes" => &ids.archetypes,
            "scorecards" => &ids.scorecards,
            "pages" => &ids.pages,
            _ => {
                return Err(LinkProblem {
                    message: format!("`@/{kind}/{id}` names an unknown kind `{kind}`"),
                    help: Some(match did_you_mean(kind, LINK_KINDS) {
                        Some(close) => format!("did you mean `@/{close}/{id}`?"),
                        None => format!("the kinds are: {}", LINK_KINDS.join(", ")),
                    }),
                });
            }
        };
        let id = without_extensions(id);
        if !table.contains_key(id) {
            let mut known: Vec<&str> = table.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Err(LinkProblem {
                message: format!(
                    "`@/{kind}/{id}` points to no {} in this book",
                    singular(kind)
                ),
                help: Some(match did_you_mean(id, &known) {
                    Some(close) => format!("did you mean `@/{kind}/{close}`?"),
                    None if known.is_empty() => format!("this book has no {kind} yet"),
                    None if known.len() <= 12 => {
                        format!("the {kind} of this book are: {}", known.join(", "))
                    }
                    None => format!("check the file names under content/{kind}/"),
                }),
            });
        }
        if let Some(anchor) = anchor
            && !self.is_known_anchor(kind, id, anchor)
        {
            let mut sorted = self.known_anchors(kind, id);
            sorted.sort_unstable();
            return Err(LinkProblem {
                message: format!("`#{anchor}` is not a section of `@/{kind}/{id}`"),
                help: Some(match did_you_mean(anchor, &sorted) {
                    Some(close) => format!("did you mean `#{close}`?"),
                    None if sorted.len() <= 16 => {
                        format!("{}: {}", anchor_help(kind), sorted.join(", "))
                    }
                    None => anchor_help(kind).into(),
                }),
            });
        }
        // Every link of every guide comes here: no `format!`.
        let mut address =
            String::with_capacity(kind.len() + id.len() + anchor.map_or(0, str::len) + 7);
        address.push_str(kind);
        address.push('/');
        address.push_str(id);
        address.push_str(".html");
        if let Some(anchor) = anchor {
            address.push('#');
            address.push_str(anchor);
        }
        Ok(address)
    }
}

/// `id` without trailing `.md`, then `.html` (`@/pages/faq.md` names the
/// page `faq`), as `trim_end_matches` would strip them; `strip_suffix` does
/// not build a substring searcher per call, and every link comes here.
fn without_extensions(mut id: &str) -> &str {
    while let Some(rest) = id.strip_suffix(".md") {
        id = rest;
    }
    while let Some(rest) = id.strip_suffix(".html") {
        id = rest;
    }
    id
}

/// Fixed section anchors of level and scorecard pages (besides item ids).
pub const LEVEL_SECTIONS: &[&str] = &["summary", "what-changes", "expectations", "narrative"];
pub const SCORECARD_SECTIONS: &[&str] = &[
    "dimensions",
    "interviews",
    "coverage",
    "scale",
    "signals",
    "fill",
];

fn anchor_help(kind: &str) -> &'static str {
    match kind {
        "levels" => "a level page's sections are its competency ids and fixed sections",
        "competencies" => "a competency page's rows are named after level ids",
        _ => "a scorecard page's sections are its interview ids and fixed sections",
    }
}

fn singular(kind: &str) -> &str {
    match kind {
        "levels" => "level",
        "competencies" => "competency",
        "archetypes" => "archetype",
        "scorecards" => "scorecard",
        _ => "page",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> LinkTargets {
        let ids = |names: &[&str]| -> HashMap<String, usize> {
            names
                .iter()
                .enumerate()
                .map(|(index, name)| (name.to_string(), index))
                .collect()
        };
        LinkTargets {
            levels: ids(&["sre-1", "sre-2"]),
            competencies: ids(&["observability", "incident-response"]),
            scorecards: ids(&["onsite"]),
            pages: ids(&["faq"]),
            interviews: HashMap::from([("onsite".to_string(), vec!["debugging".to_string()])]),
            ..LinkTargets::default()
        }
    }

    #[test]
    fn anchors_of_generated_pages_are_checked_and_free_pages_are_not() {
        let targets = targets();
        for (kind, id, anchor) in [
            ("levels", "sre-1", "observability"),
            ("levels", "sre-1", "what-changes"),
            ("competencies", "observability", "sre-2"),
            ("scorecards", "onsite", "debugging"),
            ("scorecards", "onsite", "fill"),
            ("pages", "faq", "any-heading"),
        ] {
            let address = targets.resolve(kind, id, Some(anchor));
            assert_eq!(
                address.map_err(|problem| problem.message),
                Ok(format!("{kind}/{id}.html#{anchor}"))
            );
        }
        for (kind, id, anchor, help) in [
            (
                "levels",
                "sre-1",
                "observabilty",
                "did you mean `#observability`?",
            ),
            (
                "competencies",
                "observability",
                "sre2",
                "did you mean `#sre-2`?",
            ),
            (
                "scorecards",
                "onsite",
                "debuging",
                "did you mean `#debugging`?",
            ),
        ] {
            let problem = targets.resolve(kind, id, Some(anchor)).unwrap_err();
            assert_eq!(
                problem.message,
                format!("`#{anchor}` is not a section of `@/{kind}/{id}`")
            );
            assert_eq!(problem.help.as_deref(), Some(help));
        }
    }

    #[test]
    fn a_book_without_levels_does_not_check_competency_anchors() {
        let targets = LinkTargets {
            competencies: HashMap::from([("observability".to_string(), 0)]),
            ..LinkTargets::default()
        };
        assert!(
            targets
                .resolve("competencies", "observability", Some("sre-1"))
                .is_ok()
        );
    }

    #[test]
    fn link_ids_lose_their_extensions_as_trim_end_matches_would() {
        for id in [
            "faq",
            "faq.md",
            "faq.html",
            "faq.md.md",
            "faq.html.md",
            "faq.md.html",
            ".md",
            "",
            "growth/mid.md",
            "a.mdx",
            "html",
        ] {
            let expected = id.trim_end_matches(".md").trim_end_matches(".html");
            assert_eq!(without_extensions(id), expected, "{id:?}");
        }
    }
}
