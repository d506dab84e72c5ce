//! `book.toml` text → [`Node`] tree with positions (the TOML twin of `yaml`).

use toml::de::{DeTable, DeValue};

use crate::node::{Key, Node, NodeKind, Pos};

/// A TOML syntax error with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlError {
    pub pos: Pos,
    pub message: String,
}

pub fn parse(text: &str) -> Result<Node, TomlError> {
    let lines = LineIndex::new(text);
    match DeTable::parse(text) {
        Ok(table) => {
            let pos = lines.pos(table.span().start);
            Ok(Node {
                pos,
                kind: table_kind(table.get_ref(), &lines),
            })
        }
        Err(err) => Err(TomlError {
            pos: err
                .span()
                .map_or(Pos::new(1, 1), |span| lines.pos(span.start)),
            message: err.message().trim().to_string(),
        }),
    }
}

fn table_kind(table: &DeTable<'_>, lines: &LineIndex) -> NodeKind {
    NodeKind::Map(
        table
            .iter()
            .map(|(key, value)| {
                (
                    Key {
                        name: key.get_ref().to_string(),
                        pos: lines.pos(key.span().start),
                    },
                    Node {
                        pos: lines.pos(value.span().start),
                        kind: value_kind(value.get_ref(), lines),
                    },
                )
            })
            .collect(),
    )
}

fn value_kind(value: &DeValue<'_>, lines: &LineIndex) -> NodeKind {
    match value {
        DeValue::String(text) => NodeKind::Str(text.to_string()),
        DeValue::Integer(int) => i64::from_str_radix(&int.as_str().replace('_', ""), int.radix())
            .map_or_else(|_| NodeKind::Str(int.as_str().to_string()), NodeKind::Int),
        DeValue::Float(float) => float.as_str().replace('_', "").parse().map_or_else(
            |_| NodeKind::Str(float.as_str().to_string()),
            NodeKind::Float,
        ),
        DeValue::Boolean(flag) => NodeKind::Bool(*flag),
        DeValue::Datetime(datetime) => NodeKind::Str(datetime.to_string()),
        DeValue::Array(items) => NodeKind::Seq(
            items
                .iter()
                .map(|item| Node {
                    pos: lines.pos(item.span().start),
                    kind: value_kind(item.get_ref(), lines),
                })
                .collect(),
        ),
        DeValue::Table(table) => table_kind(table, lines),
    }
}

/// Byte offset → line and column (in characters), both 1-based.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        Pos::new(line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_positions() {
        let node = parse("[book]\ntitle = \"X\"\n").unwrap();
        let NodeKind::Map(sections) = &node.kind else {
            panic!()
        };
        assert_eq!(sections[0].0.name, "book");
        let NodeKind::Map(fields) = &sections[0].1.kind else {
            panic!()
        };
        assert_eq!(fields[0].0.pos, Pos::new(2, 1));
        assert_eq!(fields[0].1.pos, Pos::new(2, 9));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("[book]\ntitle = \n").unwrap_err();
        assert_eq!(err.pos.line, 2);
    }
}
