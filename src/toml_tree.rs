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

    /// The text from the start of line `line` (1-based; 0 counts as 1) to
    /// the end, or `""` past the last line: `text.lines().skip(line - 1)`
    /// without scanning the lines before it.
    pub fn from_line(&self, line: u32) -> &'a str {
        let index = (line as usize).saturating_sub(1);
        self.starts
            .get(index)
            .map_or("", |&start| &self.text[start..])
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
    fn lines_are_found_without_scanning() {
        let text = "one\ntwo\r\n\nfour";
        let index = LineIndex::new(text);
        for line in 0..7u32 {
            let expected: Vec<&str> = text
                .lines()
                .skip((line as usize).saturating_sub(1))
                .collect();
            let found: Vec<&str> = index.from_line(line).lines().collect();
            assert_eq!(found, expected, "line {line}");
        }
        assert_eq!(index.from_line(2), "two\r\n\nfour");
        assert_eq!(LineIndex::new("a\n").from_line(2), "");
        assert_eq!(LineIndex::new("a\n").from_line(3), "");
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("[book]\ntitle = \n").unwrap_err();
        assert_eq!(err.pos.line, 2);
    }
}
