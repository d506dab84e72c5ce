//! Field-by-field decoding of a [`Node`] tree into typed structs.
//!
//! Every problem becomes a diagnostic at the position of the offending key or
//! value, and decoding goes on, so a file with three typos reports three
//! errors. Unknown keys get a "did you mean" hint from the allowed names.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::{Key, Node, NodeKind, Pos};

/// A decoded value and where it was written. Serialises as the bare value.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct At<T> {
    pub value: T,
    #[serde(skip)]
    pub pos: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, pos: Pos) -> At<T> {
        At { value, pos }
    }
}

/// The file being decoded and the list its problems go to.
pub struct Decoder<'a> {
    pub file: &'a str,
    pub diagnostics: &'a mut Diagnostics,
}

impl Decoder<'_> {
    pub fn error(
        &mut self,
        code: &'static str,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, self.file, pos, message));
        self.diagnostics.last_mut()
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        self.error(
            "wrong-type",
            node.pos,
            format!("`{what}` must be {expected}, found {}", node.kind_name()),
        );
    }

    /// Opens a mapping for field access; reports and returns `None` otherwise.
    pub fn fields<'n>(&mut self, node: &'n Node, what: &str) -> Option<Fields<'n>> {
        match &node.kind {
            NodeKind::Map(entries) => Some(Fields {
                entries,
                used: vec![false; entries.len()],
                missing: Vec::new(),
                pos: node.pos,
            }),
            NodeKind::Null => {
                self.error("empty-field", node.pos, format!("{what} is empty"))
                    .help = Some(format!("write {what}'s fields as `key: value` lines"));
                None
            }
            _ => {
                let diagnostic = self.error(
                    "wrong-type",
                    node.pos,
                    format!(
                        "{what} must be a mapping of `key: value` lines, found {}",
                        node.kind_name()
                    ),
                );
                if matches!(node.kind, NodeKind::Seq(_)) {
                    diagnostic.help = Some(
                        "remove the `- ` in front of the fields: this holds one item, not a list"
                            .into(),
                    );
                }
                None
            }
        }
    }

    /// Text. Numbers are accepted and read as written (`years: 5`), booleans
    /// and null are not: they are almost always a YAML surprise.
    pub fn text(&mut self, node: &Node, what: &str) -> Option<At<String>> {
        let value = match &node.kind {
            NodeKind::Str(text) => text.clone(),
            NodeKind::Int(value) => value.to_string(),
            NodeKind::Float(value) => value.to_string(),
            NodeKind::Bool(_) | NodeKind::Null => {
                self.wrong_type(node, what, "text");
                if let Some(last) = self.diagnostics.last_mut_opt() {
                    last.help = Some("put the value in quotes, e.g. `\"yes\"`".into());
                }
                return None;
            }
            _ => {
                self.wrong_type(node, what, "text");
                return None;
            }
        };
        Some(At::new(value, node.pos))
    }

    pub fn integer(&mut self, node: &Node, what: &str) -> Option<At<i64>> {
        match node.kind {
            NodeKind::Int(value) => Some(At::new(value, node.pos)),
            _ => {
                self.wrong_type(node, what, "a whole number");
                self.diagnostics.last_mut().help =
                    Some("write digits without quotes, e.g. `3`".into());
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node, what: &str) -> Option<At<bool>> {
        match node.kind {
            NodeKind::Bool(value) => Some(At::new(value, node.pos)),
            _ => {
                self.wrong_type(node, what, "true or false");
                None
            }
        }
    }

    /// A list of items; a single item is accepted where `single_ok`.
    pub fn list<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        single_ok: bool,
    ) -> Option<Vec<&'n Node>> {
        match &node.kind {
            NodeKind::Seq(items) => Some(items.iter().collect()),
            NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Float(_) if single_ok => {
                Some(vec![node])
            }
            _ => {
                self.wrong_type(node, what, "a list");
                None
            }
        }
    }

    pub fn text_list(
        &mut self,
        node: &Node,
        what: &str,
        single_ok: bool,
    ) -> Option<Vec<At<String>>> {
        let items = self.list(node, what, single_ok)?;
        Some(
            items
                .into_iter()
                .filter_map(|item| self.text(item, what))
                .collect(),
        )
    }

    /// A mapping's entries, for maps keyed by ids (expectations, emphasis).
    pub fn entries<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [(Key, Node)]> {
        match &node.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => {
                self.wrong_type(node, what, "a mapping");
                None
            }
        }
    }
}

/// The keys of one mapping; remembers which were read so the rest can be
/// reported as unknown.
pub struct Fields<'n> {
    entries: &'n [(Key, Node)],
    used: Vec<bool>,
    /// Required fields not found: (name, what), reported by `finish`.
    missing: Vec<(String, String)>,
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    /// The value of `name`, if present.
    pub fn get(&mut self, name: &str) -> Option<&'n Node> {
        let index = self.entries.iter().position(|(key, _)| key.name == name)?;
        self.used[index] = true;
        Some(&self.entries[index].1)
    }

    /// The key and value of `name`, if present.
    pub fn get_entry(&mut self, name: &str) -> Option<&'n (Key, Node)> {
        let index = self.entries.iter().position(|(key, _)| key.name == name)?;
        self.used[index] = true;
        Some(&self.entries[index])
    }

    /// The value of a field that must be present. A missing one is reported
    /// by `finish`, which knows the allowed names: when an unknown key looks
    /// like a misspelling of it (`titel` for `title`), that is one problem,
    /// not two.
    pub fn require(&mut self, name: &str, what: &str) -> Option<&'n Node> {
        let found = self.get(name);
        if found.is_none() {
            self.missing.push((name.to_string(), what.to_string()));
        }
        found
    }

    /// Keys that were not read, for a caller that words their problems itself
    /// (it then has no required fields, or reports them too).
    pub fn unused(&self) -> impl Iterator<Item = &'n (Key, Node)> + '_ {
        self.entries
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| !**used)
            .map(|(entry, _)| entry)
    }

    /// Reports every key that was not read, with a hint when one is close to
    /// an allowed name, and every required field that is missing. Every
    /// `Fields` must end here.
    pub fn finish(self, decoder: &mut Decoder, allowed: &[&str], what: &str) {
        let mut missing = self.missing;
        for ((key, _), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let close = did_you_mean(&key.name, allowed);
            let required =
                close.and_then(|close| missing.iter().position(|(name, _)| name == close));
            let help = match (required, close) {
                (Some(index), Some(close)) => {
                    missing.remove(index);
                    format!("did you mean `{close}`? It is required in {what}")
                }
                (_, Some(close)) => format!("did you mean `{close}`?"),
                (_, None) => format!("the fields of {what} are: {}", allowed.join(", ")),
            };
            decoder
                .error(
                    "unknown-field",
                    key.pos,
                    format!("unknown field `{}` in {what}", key.name),
                )
                .help = Some(help);
        }
        for (name, what) in missing {
            let example = if decoder.file.ends_with(".toml") {
                format!("{name} = \"...\"")
            } else {
                format!("{name}: ...")
            };
            decoder
                .error(
                    "missing-field",
                    self.pos,
                    format!("{what} is missing the required field `{name}`"),
                )
                .help = Some(format!("add a line `{example}`"));
        }
    }
}

/// The allowed name closest to `name`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_suggested() {
        assert_eq!(did_you_mean("nmae", &["name", "area"]), Some("name"));
        assert_eq!(
            did_you_mean("expectation", &["expectations", "summary"]),
            Some("expectations")
        );
        assert_eq!(did_you_mean("zzz", &["name", "area"]), None);
    }

    #[test]
    fn unknown_and_missing_fields_are_all_reported() {
        let node = crate::yaml::parse("nmae: x\narae: y\nsummary: z\n").unwrap();
        let mut diagnostics = Diagnostics::default();
        let mut decoder = Decoder {
            file: "c.yaml",
            diagnostics: &mut diagnostics,
        };
        let mut fields = decoder.fields(&node, "a competency").unwrap();
        fields.require("name", "a competency");
        fields.require("expectations", "a competency");
        fields.finish(
            &mut decoder,
            &["name", "area", "expectations"],
            "a competency",
        );
        let lines: Vec<_> = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        assert_eq!(
            lines,
            vec![
                "c.yaml:1:1: error[missing-field]: a competency is missing the required field `expectations`",
                "c.yaml:1:1: error[unknown-field]: unknown field `nmae` in a competency",
                "c.yaml:2:1: error[unknown-field]: unknown field `arae` in a competency",
                "c.yaml:3:1: error[unknown-field]: unknown field `summary` in a competency",
            ]
        );
    }

    #[test]
    fn a_misspelled_required_field_is_one_problem() {
        let node = crate::yaml::parse("titel: x\nrank: 1\n").unwrap();
        let mut diagnostics = Diagnostics::default();
        let mut decoder = Decoder {
            file: "l.md",
            diagnostics: &mut diagnostics,
        };
        let mut fields = decoder.fields(&node, "a level").unwrap();
        fields.require("title", "a level");
        fields.require("rank", "a level");
        fields.finish(&mut decoder, &["title", "rank"], "a level");
        let all = diagnostics.sorted();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].code, "unknown-field");
        assert_eq!(
            all[0].help.as_deref(),
            Some("did you mean `title`? It is required in a level")
        );
    }
}
