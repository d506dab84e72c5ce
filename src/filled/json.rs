//! The one reader of filled-in JSON files: bytes → text → `serde_json::Value`,
//! and the field helpers every kind of file checks itself with.
//!
//! Every command that reads a file a person or the site filled in (`debrief`
//! and `calibrate` read scorecards, `calibrate` decisions too) goes through
//! here, so they agree on the details: a UTF-8 byte order mark is accepted
//! (Notepad writes one; issue 22), positions count from after it, every
//! problem names the key path and its line and column, and fields a newer
//! site may add are the caller's to ignore.

use serde_json::{Map, Value};

use crate::decode::did_you_mean;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::filled::locate::{Target, locate};
use crate::node::Pos;

/// What kind of file a reader expects, for its messages.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// "scorecard", "decision": in "not a scorecard: …".
    pub noun: &'static str,
    /// What to pass instead when the file is not of this kind at all.
    pub help: &'static str,
    /// How to get a complete file when a required field is missing.
    pub missing_help: &'static str,
}

/// A parsed file: its text (without a byte order mark) and its value.
pub struct Document<'a> {
    pub text: &'a str,
    pub value: Value,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses one file, or reports why it is not JSON text.
pub fn parse<'a>(
    file: &str,
    bytes: &'a [u8],
    kind: &Kind,
    diagnostics: &mut Diagnostics,
) -> Option<Document<'a>> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let message = format!("not a {}: the file is not UTF-8 text", kind.noun);
            diagnostics.push(Diagnostic::not_utf8(file, bytes, err, &message).with_help(kind.help));
            return None;
        }
    };
    match serde_json::from_str(text) {
        Ok(value) => Some(Document { text, value }),
        Err(err) => {
            let reason = err.to_string();
            let reason = reason.split(" at line ").next().unwrap_or(&reason);
            let pos = Pos::new(err.line().max(1) as u32, err.column().max(1) as u32);
            diagnostics.push(
                Diagnostic::error("not-json", file, pos, format!("not a JSON file: {reason}"))
                    .with_help(kind.help),
            );
            None
        }
    }
}

/// The `format` a document says it has, when it is an object with a string
/// `format` (to tell kinds of files apart before checking one).
pub fn format_of(value: &Value) -> Option<&str> {
    value.get("format")?.as_str()
}

/// Where one file's problems go, with its text for positions: the checks of
/// every kind of file are written against this.
pub struct Fields<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub kind: Kind,
    pub diagnostics: &'a mut Diagnostics,
}

impl Fields<'_> {
    /// The position of the member at `path`, or 1:1.
    pub fn pos(&self, path: &[&str], target: Target) -> Pos {
        locate(self.text, path, target).unwrap_or(Pos::new(1, 1))
    }

    /// Reports an error at `path`, its message prefixed with the key path.
    pub fn error(
        &mut self,
        code: &'static str,
        path: &[&str],
        target: Target,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let pos = self.pos(path, target);
        let message = match path.join(".") {
            at if at.is_empty() => message.into(),
            at => format!("`{at}`: {}", message.into()),
        };
        self.diagnostics
            .push(Diagnostic::error(code, self.file, pos, message));
        self.diagnostics.last_mut()
    }

    pub fn wrong_type(&mut self, path: &[&str], expected: &str, found: &Value) {
        self.error(
            "wrong-type",
            path,
            Target::Value,
            format!("must be {expected}, found {}", kind_name(found)),
        );
    }

    /// A required string field.
    pub fn required_text(&mut self, map: &Map<String, Value>, path: &[&str]) -> Option<String> {
        let name = path.last().expect("a field path is never empty");
        match map.get(*name) {
            Some(Value::String(text)) => Some(text.clone()),
            Some(other) => {
                self.wrong_type(path, "a string", other);
                None
            }
            None => {
                self.missing(path);
                None
            }
        }
    }

    /// Reports a missing field at the object that lacks it.
    pub fn missing(&mut self, path: &[&str]) {
        let parent = &path[..path.len().saturating_sub(1)];
        let pos = self.pos(parent, Target::Value);
        self.diagnostics.push(
            Diagnostic::error(
                "missing-field",
                self.file,
                pos,
                format!("`{}`: this required field is missing", path.join(".")),
            )
            .with_help(self.kind.missing_help),
        );
    }

    /// An optional string field: absent, null and blank are all `None`.
    pub fn optional_text(&mut self, map: &Map<String, Value>, path: &[&str]) -> Option<String> {
        let name = path.last().expect("a field path is never empty");
        match map.get(*name) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
            Some(other) => {
                self.wrong_type(path, "a string or null", other);
                None
            }
        }
    }

    /// The top-level object; reports anything else.
    pub fn object<'v>(&mut self, value: &'v Value) -> Option<&'v Map<String, Value>> {
        if let Value::Object(map) = value {
            return Some(map);
        }
        let message = format!(
            "not a {}: the file holds {}, not a JSON object",
            self.kind.noun,
            kind_name(value)
        );
        let help = self.kind.missing_help;
        self.error("not-an-object", &[], Target::Value, message)
            .help = Some(help.into());
        None
    }
}

/// "did you mean `x`?" when one is close, then the whole list of `what`.
pub fn hint(name: &str, known: &[&str], what: &str) -> String {
    let list = known
        .iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match did_you_mean(name, known) {
        Some(close) => {
            let mut chars = what.chars();
            let what: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!("did you mean `{close}`? {what} are {list}")
        }
        None => format!("{what} are {list}"),
    }
}

pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIND: Kind = Kind {
        noun: "thing",
        help: "pass a thing",
        missing_help: "make the thing again",
    };

    fn parsed(bytes: &[u8]) -> (Option<String>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let document = parse("f.json", bytes, &KIND, &mut diagnostics);
        let lines = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        (document.map(|d| d.text.to_string()), lines)
    }

    #[test]
    fn a_byte_order_mark_is_accepted_and_not_part_of_the_text() {
        let (text, problems) = parsed(b"\xEF\xBB\xBF{\"a\": 1}");
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(text.as_deref(), Some("{\"a\": 1}"));
        // Positions count from after the mark, as editors show them.
        let (_, problems) = parsed(b"\xEF\xBB\xBF{\"a\": }");
        assert_eq!(
            problems,
            ["f.json:1:7: error[not-json]: not a JSON file: expected value"]
        );
    }

    #[test]
    fn text_that_is_not_utf8_or_not_json_is_reported_with_the_kind() {
        let (text, problems) = parsed(b"{\xff}");
        assert_eq!(text, None);
        assert_eq!(
            problems,
            ["f.json:1:2: error[not-utf8]: not a thing: the file is not UTF-8 text"]
        );
        assert_eq!(parsed(b"").1.len(), 1);
    }

    #[test]
    fn field_helpers_report_at_the_key_path() {
        let text = "{\n  \"a\": 3,\n  \"b\": { }\n}";
        let mut diagnostics = Diagnostics::default();
        let value: Value = serde_json::from_str(text).unwrap();
        let map = value.as_object().unwrap();
        let mut fields = Fields {
            file: "f.json",
            text,
            kind: KIND,
            diagnostics: &mut diagnostics,
        };
        assert_eq!(fields.required_text(map, &["a"]), None);
        assert_eq!(fields.optional_text(map, &["c"]), None);
        let inner = map["b"].as_object().unwrap();
        assert_eq!(fields.required_text(inner, &["b", "x"]), None);
        let lines: Vec<String> = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        assert_eq!(
            lines,
            [
                "f.json:2:8: error[wrong-type]: `a`: must be a string, found a number",
                "f.json:3:8: error[missing-field]: `b.x`: this required field is missing",
            ]
        );
    }
}
