//! Where a key or value sits in a JSON text, by key path.
//!
//! `serde_json::Value` keeps no positions, but every problem of an input
//! file is reported at its line and column (spec: "Errors"). This scanner
//! runs only on text serde_json has already accepted, so it trusts the syntax
//! and merely walks to the member named by the path; on anything unexpected it
//! gives up (`None`) rather than guess, and the caller falls back to 1:1.

use crate::node::Pos;

/// Which end of a member the position is wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The quoted key (for "unknown dimension" and the like).
    Key,
    /// The value after the colon (for "not a step of the scale").
    Value,
}

/// The position of the member at `path` (object keys from the top), or of
/// the whole document for an empty path. The first of duplicate keys wins.
pub fn locate(text: &str, path: &[&str], target: Target) -> Option<Pos> {
    let mut scanner = Scanner {
        text,
        offset: 0,
        pos: Pos::new(1, 1),
    };
    scanner.find(path, target)
}

struct Scanner<'a> {
    text: &'a str,
    offset: usize,
    pos: Pos,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.offset..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.pos = Pos::new(self.pos.line + 1, 1);
        } else {
            self.pos.col += 1;
        }
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.bump();
        }
    }

    fn find(&mut self, path: &[&str], target: Target) -> Option<Pos> {
        self.skip_whitespace();
        let Some((first, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        if self.bump()? != '{' {
            return None;
        }
        loop {
            self.skip_whitespace();
            if self.peek()? == '}' {
                return None;
            }
            let key_pos = self.pos;
            let key = self.string()?;
            self.skip_whitespace();
            if self.bump()? != ':' {
                return None;
            }
            if key == *first {
                return match (rest.is_empty(), target) {
                    (true, Target::Key) => Some(key_pos),
                    _ => self.find(rest, target),
                };
            }
            self.skip_whitespace();
            self.skip_value()?;
            self.skip_whitespace();
            if self.bump()? != ',' {
                return None;
            }
        }
    }

    /// Reads a quoted string, unescaped the way serde_json does it.
    fn string(&mut self) -> Option<String> {
        let start = self.offset;
        if self.bump()? != '"' {
            return None;
        }
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                '"' => break,
                _ => {}
            }
        }
        serde_json::from_str(&self.text[start..self.offset]).ok()
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            '"' => self.string().map(drop),
            '{' | '[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        '"' => {
                            self.string()?;
                            continue;
                        }
                        '{' | '[' => depth += 1,
                        '}' | ']' => depth -= 1,
                        _ => {}
                    }
                    self.bump();
                    if depth == 0 {
                        return Some(());
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_ascii_whitespace())
                {
                    self.bump();
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": "ladderbook.scorecard/1",
  "book": { "title": "T", "version": "abc" },
  "skip": [1, {"a": "}"}, "x\"y"],
  "ratings": {
    "incident-management": { "rating": "maybe", "notes": "é" },
    "slo\u002dpractice": {"rating":null}
  }
}"#;

    #[test]
    fn values_and_keys_are_found_by_path() {
        let at = |path: &[&str], target| locate(TEXT, path, target);
        assert_eq!(at(&[], Target::Value), Some(Pos::new(1, 1)));
        assert_eq!(at(&["format"], Target::Key), Some(Pos::new(2, 3)));
        assert_eq!(at(&["format"], Target::Value), Some(Pos::new(2, 13)));
        assert_eq!(
            at(&["book", "version"], Target::Value),
            Some(Pos::new(3, 38))
        );
        assert_eq!(
            at(&["ratings", "incident-management"], Target::Key),
            Some(Pos::new(6, 5))
        );
        assert_eq!(
            at(&["ratings", "incident-management", "rating"], Target::Value),
            Some(Pos::new(6, 40))
        );
    }

    #[test]
    fn escaped_keys_and_nested_skips_are_handled() {
        assert_eq!(
            locate(TEXT, &["ratings", "slo-practice", "rating"], Target::Value),
            Some(Pos::new(7, 36))
        );
    }

    #[test]
    fn missing_members_and_non_objects_give_none() {
        assert_eq!(locate(TEXT, &["nope"], Target::Key), None);
        assert_eq!(locate(TEXT, &["format", "x"], Target::Key), None);
        assert_eq!(locate("[1, 2]", &["a"], Target::Value), None);
        assert_eq!(locate("{\"a\": 1", &["b"], Target::Value), None);
    }
}
