//! A position-carrying document tree shared by the YAML and TOML readers.
//!
//! Both `book.toml` and every YAML document are first read into a [`Node`]
//! tree, then decoded field by field (see `content::decode`). Reading into a
//! tree instead of deriving `Deserialize` on the content structs lets one run
//! report *every* unknown field, missing field and type mismatch of a file,
//! each at its own line and column, instead of stopping at the first.

use std::fmt;

/// A 1-based line and column (in characters) inside one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    /// The position `lines` further down (front matter starts below the file's first line).
    pub fn shifted(self, lines: u32) -> Pos {
        Pos {
            line: self.line + lines,
            col: self.col,
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A mapping key with the position of the key itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Map(Vec<(Key, Node)>),
    Seq(Vec<Node>),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
}

/// A value with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: NodeKind,
}

impl Node {
    /// What an author would call this kind of value, for "expected X, found Y" messages.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Map(_) => "a mapping",
            NodeKind::Seq(_) => "a list",
            NodeKind::Str(_) => "a string",
            NodeKind::Int(_) => "an integer",
            NodeKind::Float(_) => "a number",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Null => "nothing (null)",
        }
    }

    /// Shifts every position in the tree down by `lines`.
    pub fn shift_lines(&mut self, lines: u32) {
        self.pos = self.pos.shifted(lines);
        match &mut self.kind {
            NodeKind::Map(entries) => {
                for (key, value) in entries {
                    key.pos = key.pos.shifted(lines);
                    value.shift_lines(lines);
                }
            }
            NodeKind::Seq(items) => items.iter_mut().for_each(|item| item.shift_lines(lines)),
            _ => {}
        }
    }
}
