//! The only module that talks to the YAML library (serde-saphyr).
//!
//! It turns YAML text into a [`Node`] tree with a position on every key and
//! value, or into one [`YamlError`] with the parser's position. Resource limits
//! (nesting depth, alias expansion, node count) come from serde-saphyr's
//! budget, so hostile input such as "billion laughs" ends in an error, not in
//! exhausted memory or a blown stack.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::node::{Key, Node, NodeKind, Pos};

/// A YAML syntax or limit error at a position of the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
    /// The text broke a resource limit (depth, aliases, size), not the syntax.
    pub limit: bool,
    /// A tab in a line's indentation is the cause, and `pos` is that tab.
    pub tab: bool,
}

/// Parses one YAML document into a position-carrying tree.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    if text.trim().is_empty() {
        return Ok(Node {
            pos: Pos::new(1, 1),
            kind: NodeKind::Null,
        });
    }
    // YAML 1.2 booleans only: the spec's own scale has `id: no`, which
    // YAML 1.1 would turn into `false`.
    let options = serde_saphyr::options! {
        budget: Some(budget()),
        strict_booleans: true,
    };
    serde_saphyr::from_str_with_options::<Node>(text, options)
        .map_err(|err| blame_indenting_tab(text, to_yaml_error(&err)))
}

/// The parser reports a tab in the indentation wherever the token it was
/// reading began (often the line above) and in words about scanners; the
/// tab itself is the place to show, in plain words (issue 22). A tab within
/// a line's indentation is never valid YAML, except inside a block scalar's
/// text, so only a tab on the lines around the error (or after it, when the
/// parser says it found one) is blamed, and after spaces only on the error's
/// own line.
fn blame_indenting_tab(text: &str, err: YamlError) -> YamlError {
    if err.limit {
        return err;
    }
    let mentions_tab = err.message.contains("tab");
    let first = err.pos.line.saturating_sub(1).max(1);
    let last = if mentions_tab {
        u32::MAX
    } else {
        err.pos.line.saturating_add(1)
    };
    let tab = (1..).zip(text.lines()).find_map(|(line, content)| {
        if line < first || line > last {
            return None;
        }
        let indentation = &content[..content.len() - content.trim_start().len()];
        let column = indentation.chars().position(|c| c == '\t')?;
        // Spaces, then a tab: the text of a block scalar may hold that.
        let plainly_indenting = column == 0 || mentions_tab || line == err.pos.line;
        plainly_indenting.then(|| Pos::new(line, column as u32 + 1))
    });
    match tab {
        Some(pos) => YamlError {
            pos,
            message: "a tab in the indentation".into(),
            limit: false,
            tab: true,
        },
        None => err,
    }
}

const MAX_DEPTH: usize = 48;
const MAX_NODES: usize = 200_000;
const MAX_ALIASES: usize = 1_000;
const MAX_EVENTS: usize = 500_000;

fn budget() -> serde_saphyr::Budget {
    // Content files are small; these bounds keep hostile files cheap.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_aliases = MAX_ALIASES;
    budget.max_events = MAX_EVENTS;
    budget
}

/// The error itself, without the library's snippet and alias wrappers.
fn original_error(mut err: &serde_saphyr::Error) -> &serde_saphyr::Error {
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = err
    {
        err = error;
    }
    err
}

/// A limit breach in words; the library's own text is its debug form.
/// `rendered` is the error's text without a snippet: rendering the snippet
/// (as `to_string` does) costs more than parsing a small document, and the
/// import's writer parses one per value it may write plainly (issue 26).
fn limit_message(err: &serde_saphyr::Error, rendered: &str) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach;
    let message = match original_error(err) {
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => {
                format!("values are nested more than {MAX_DEPTH} levels deep")
            }
            BudgetBreach::Nodes { .. } => {
                format!(
                    "the document holds more than {MAX_NODES} values once its aliases are expanded"
                )
            }
            BudgetBreach::Aliases { .. } => {
                format!("the document uses more than {MAX_ALIASES} aliases (`*name`)")
            }
            BudgetBreach::Events { .. } => "the document is too large".to_string(),
            _ => "the document exceeds the size limits for a content file".to_string(),
        },
        _ if rendered.contains("recursion limit exceeded") => {
            format!("values are nested more than {MAX_DEPTH} levels deep")
        }
        _ => return None,
    };
    Some(message)
}

fn to_yaml_error(err: &serde_saphyr::Error) -> YamlError {
    let pos = err
        .location()
        .filter(|loc| loc.line() > 0)
        .map(|loc| Pos::new(clamp(loc.line()), clamp(loc.column().max(1))))
        .unwrap_or(Pos::new(1, 1));
    let options = serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let rendered = original_error(err).render_with_options(options);
    if let Some(message) = limit_message(err, &rendered) {
        return YamlError {
            pos,
            message,
            limit: true,
            tab: false,
        };
    }
    YamlError {
        pos,
        message: plain_message(&rendered),
        limit: false,
        tab: false,
    }
}

/// Strips the library's own location suffix and line breaks: the diagnostic
/// printer shows the position itself.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or("invalid YAML").trim();
    let without_location = match first.find(" at line ") {
        Some(index) => &first[..index],
        None => first,
    };
    let message = without_location.trim_end_matches(':').trim();
    if message.is_empty() {
        "invalid YAML".to_string()
    } else {
        message.to_string()
    }
}

fn clamp(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn pos_of<T>(spanned: &Spanned<T>) -> Pos {
    Pos::new(
        clamp(spanned.referenced.line().max(1)),
        clamp(spanned.referenced.column().max(1)),
    )
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Kind>::deserialize(deserializer)?;
        Ok(Node {
            pos: pos_of(&spanned),
            kind: spanned.value.0,
        })
    }
}

/// The value part of a node; a newtype so it can carry its own `Deserialize`.
struct Kind(NodeKind);

/// A mapping key of any scalar type, read as text (`1: x` has the key "1").
struct KeyText(String);

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor).map(Kind)
    }
}

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let kind = deserializer.deserialize_any(KindVisitor)?;
        match kind {
            NodeKind::Str(text) => Ok(KeyText(text)),
            NodeKind::Int(value) => Ok(KeyText(value.to_string())),
            NodeKind::Float(value) => Ok(KeyText(value.to_string())),
            NodeKind::Bool(value) => Ok(KeyText(value.to_string())),
            NodeKind::Null => Ok(KeyText("null".to_string())),
            NodeKind::Map(_) | NodeKind::Seq(_) => Err(de::Error::custom(
                "a mapping key must be plain text, not a list or mapping",
            )),
        }
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = NodeKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<NodeKind, E> {
        Ok(NodeKind::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<NodeKind, E> {
        Ok(NodeKind::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<NodeKind, E> {
        String::from_utf8(v.to_vec())
            .map(NodeKind::Str)
            .map_err(|_| E::custom("binary data is not valid UTF-8 text"))
    }
    fn visit_none<E>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_unit<E>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<NodeKind, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NodeKind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(NodeKind::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeKind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let pos = pos_of(&key);
            let value = map.next_value::<Node>()?;
            entries.push((
                Key {
                    name: key.value.0,
                    pos,
                },
                value,
            ));
        }
        Ok(NodeKind::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_entries(node: &Node) -> &[(Key, Node)] {
        match &node.kind {
            NodeKind::Map(entries) => entries,
            other => panic!("expected a map, got {other:?}"),
        }
    }

    #[test]
    fn keys_and_values_carry_their_positions() {
        let node = parse("name: Incident\nexpectations:\n  sre-1:\n    - Joins on-call\n").unwrap();
        let entries = map_entries(&node);
        assert_eq!(entries[0].0.name, "name");
        assert_eq!(entries[0].0.pos, Pos::new(1, 1));
        assert_eq!(entries[0].1.pos, Pos::new(1, 7));
        let expectations = map_entries(&entries[1].1);
        assert_eq!(expectations[0].0.pos, Pos::new(3, 3));
        match &expectations[0].1.kind {
            NodeKind::Seq(items) => assert_eq!(items[0].pos, Pos::new(4, 7)),
            other => panic!("expected a list, got {other:?}"),
        }
    }

    #[test]
    fn scalars_keep_their_types() {
        let node =
            parse("rank: 4\nyears: \"5-8\"\nflag: true\nnothing:\nratio: 1.5\nid: no\n").unwrap();
        let kinds: Vec<_> = map_entries(&node)
            .iter()
            .map(|(_, v)| v.kind.clone())
            .collect();
        assert_eq!(
            kinds,
            vec![
                NodeKind::Int(4),
                NodeKind::Str("5-8".into()),
                NodeKind::Bool(true),
                NodeKind::Null,
                NodeKind::Float(1.5),
                NodeKind::Str("no".into()),
            ]
        );
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_plain_message() {
        let err = parse("name: [unclosed\narea: x\n").unwrap_err();
        assert!(err.pos.line >= 1);
        assert!(!err.message.contains("at line"), "{}", err.message);
    }

    #[test]
    fn a_tab_in_the_indentation_is_blamed_where_it_is() {
        for (text, line, col) in [
            ("name: X\n\tarea: Y\nsummary: s\n", 2, 1),
            ("a: 1\nlist:\n  - a\n\t- b\n", 4, 1),
            ("\tname: X\narea: Y\n", 1, 1),
            ("name: X\n  \tarea: Y\n", 2, 3),
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.tab, "{text:?}: {err:?}");
            assert_eq!((err.pos.line, err.pos.col), (line, col), "{text:?}");
            assert_eq!(err.message, "a tab in the indentation");
        }
        // Tabs in a block scalar's text are text; another error is its own.
        assert!(parse("summary: |\n  a\n  \tb\n").is_ok());
        let err = parse("name: X\nsummary: |\n  \ta\nb: [\n").expect_err("unclosed");
        assert!(!err.tab, "{err:?}");
    }

    #[test]
    fn limit_errors_are_worded_for_people() {
        let err = parse(&("- ".repeat(10_000) + "x")).unwrap_err();
        assert!(err.limit);
        assert_eq!(err.message, "values are nested more than 48 levels deep");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        assert!(parse(&text).is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&text).is_err());
        let block: String = (0..2_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&block).is_err());
    }

    #[test]
    fn empty_text_is_null() {
        assert_eq!(parse("  \n").unwrap().kind, NodeKind::Null);
    }
}
