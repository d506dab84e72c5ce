//! Problems found in a user's book, and the one printer that shows them.
//!
//! A [`Diagnostic`] is data, not an error: every stage pushes them into a
//! [`Diagnostics`] list and carries on, so one run reports every problem of a
//! book. Failures of the tool itself (I/O on the output, a broken theme) are
//! `anyhow` errors instead and are printed once by `main`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use crate::node::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the book, pinned to a file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `unknown-field`.
    pub code: &'static str,
    /// Path relative to the book root, with `/` separators.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_string(),
            line: pos.line,
            column: pos.col,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: &'static str, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, pos, message)
        }
    }

    /// The error for a file that is not UTF-8 text (`bytes`, as `err` found
    /// them), at its first bad byte.
    pub fn not_utf8(file: &str, bytes: &[u8], err: std::str::Utf8Error, message: &str) -> Self {
        Diagnostic::error("not-utf8", file, utf8_error_pos(bytes, err), message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col: severity[code]: message`, the one-line form used in
    /// tests, the serve overlay and editors' problem matchers.
    pub fn one_line(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "{}:{}:{}: {severity}[{}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )
    }
}

/// The diagnostics of one run, collected from every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Self {
        Diagnostics {
            items: items.into_iter().collect(),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, items: I) {
        self.items.extend(items);
    }
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// The diagnostic pushed last; callers use it to attach a hint.
    pub fn last_mut(&mut self) -> &mut Diagnostic {
        self.items.last_mut().expect("called right after a push")
    }

    pub fn last_mut_opt(&mut self) -> Option<&mut Diagnostic> {
        self.items.last_mut()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Keeps the diagnostics `keep` says yes to (`[lint] off`).
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// Sorted by file, then position, then message, so output is stable.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// How to print diagnostics on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

/// Prints diagnostics rustc-style: the message, the source line and a caret.
/// Source text is re-read from `root`; a file that cannot be read any more
/// still gets its `file:line:col` header.
pub fn print_human(diagnostics: &[Diagnostic], root: &Path, color: ColorMode) {
    print_human_from(diagnostics, color, |file| quotable_source(&root.join(file)));
}

/// Like [`print_human`], with the source text of each diagnostic's file
/// from `source` (`None`: no source line is quoted), for files that exist
/// only in memory, such as a book read from a git revision.
pub fn print_human_from(
    diagnostics: &[Diagnostic],
    color: ColorMode,
    source: impl Fn(&str) -> Option<String>,
) {
    let choice = match color {
        ColorMode::Always => termcolor::ColorChoice::Always,
        ColorMode::Never => termcolor::ColorChoice::Never,
        ColorMode::Auto => {
            use std::io::IsTerminal;
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
                || !std::io::stderr().is_terminal()
            {
                termcolor::ColorChoice::Never
            } else {
                termcolor::ColorChoice::Auto
            }
        }
    };
    let mut writer = termcolor::StandardStream::stderr(choice);
    let config = term::Config::default();
    let mut files = SimpleFiles::new();
    let mut ids: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for diagnostic in diagnostics {
        let id = *ids.entry(diagnostic.file.clone()).or_insert_with(|| {
            let text = source(&diagnostic.file)?;
            // Readers drop a byte order mark and count positions after it.
            let text = match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => text,
            };
            Some(files.add(diagnostic.file.clone(), text))
        });
        let mut report = match diagnostic.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_code(diagnostic.code)
        .with_message(&diagnostic.message);
        let mut notes = Vec::new();
        match id.and_then(|id| {
            let source = files.get(id).ok()?.source();
            let range = byte_range(source, diagnostic.line, diagnostic.column);
            // A megabyte-long line (minified or hostile input) is no help on a terminal.
            let line_end = source[range.start..]
                .find('\n')
                .map_or(source.len(), |i| range.start + i);
            let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
            (line_end - line_start <= MAX_SNIPPET_LINE).then_some((id, range))
        }) {
            Some((id, range)) => {
                report = report.with_labels(vec![Label::primary(id, range)]);
            }
            None => notes.push(format!(
                "at {}:{}:{}",
                diagnostic.file, diagnostic.line, diagnostic.column
            )),
        }
        if let Some(help) = &diagnostic.help {
            notes.push(format!("help: {help}"));
        }
        report = report.with_notes(notes);
        // A failed write to stderr leaves nothing better to do than carry on.
        let _ = term::emit_to_write_style(&mut writer, &config, &files, &report);
    }
    let _ = writer.flush();
}

/// Longer source lines are not quoted under a diagnostic.
const MAX_SNIPPET_LINE: usize = 500;

/// The text of `path` when a diagnostic may quote it: a regular file of
/// UTF-8 text no larger than a content file may be. A symbolic link is never
/// followed: a diagnostic about a skipped link must not print the first line
/// of its target, a file outside the book (issue 22), and a file refused for
/// its size is not read here either.
fn quotable_source(path: &Path) -> Option<String> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    if !metadata.file_type().is_file() || metadata.len() > crate::content::source::MAX_FILE_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// The byte range of the token starting at `line:col` (1-based, col in
/// characters): up to the end of the word or quoted value, at least one byte.
fn byte_range(source: &str, line: u32, col: u32) -> std::ops::Range<usize> {
    let mut offset = 0;
    for (current, text_line) in (1..).zip(source.split_inclusive('\n')) {
        if current == line {
            let start_in_line = text_line
                .char_indices()
                .nth(col.saturating_sub(1) as usize)
                .map_or(text_line.trim_end_matches('\n').len(), |(i, _)| i);
            let rest = &text_line[start_in_line..];
            let len = token_len(rest);
            return offset + start_in_line..offset + start_in_line + len;
        }
        offset += text_line.len();
    }
    source.len()..source.len()
}

fn token_len(rest: &str) -> usize {
    let trimmed = rest.trim_end_matches(['\n', '\r']);
    if trimmed.is_empty() {
        return 0;
    }
    if trimmed.starts_with('\t') {
        return 1; // a tab in the indentation: point at the tab alone
    }
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| matches!(c, ':' | ',' | ']' | '}' | '#' | '='))
        .map_or(trimmed.len(), |(i, _)| i);
    let token = trimmed[..end].trim_end();
    if token.is_empty() {
        trimmed.chars().next().map_or(0, char::len_utf8)
    } else {
        token.len()
    }
}

/// Prints diagnostics as one JSON document for editors and CI.
pub fn print_json(diagnostics: &[Diagnostic], out: &mut dyn Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        errors: usize,
        warnings: usize,
        diagnostics: &'a [Diagnostic],
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let report = Report {
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// Where the first byte that is not UTF-8 is in `bytes` (as `err` found
/// it): its line, and its column in characters, as every position is.
fn utf8_error_pos(bytes: &[u8], err: std::str::Utf8Error) -> Pos {
    let valid = &bytes[..err.valid_up_to()];
    let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // The prefix is valid UTF-8, so this counts characters, not bytes.
    let col = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count() as u32
        + 1;
    Pos::new(line, col)
}

/// A path relative to `root`, with `/` separators, for display and JSON.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_byte_that_is_not_utf8_has_a_line_and_a_column_in_characters() {
        for (bytes, expected) in [
            (&b"\xff"[..], (1, 1)),
            (&b"ab\xff"[..], (1, 3)),
            (&b"a\nb\xc3"[..], (2, 2)),
            ("x\n\u{e9}\u{e9}".as_bytes(), (0, 0)),
            (&b"x\n\xc3\xa9\xc3\xa9\xc3\n"[..], (2, 3)),
        ] {
            match std::str::from_utf8(bytes) {
                Ok(_) => assert_eq!(expected, (0, 0), "{bytes:?} is UTF-8"),
                Err(err) => {
                    let pos = utf8_error_pos(bytes, err);
                    assert_eq!((pos.line, pos.col), expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn ranges_cover_the_key_or_value_at_the_position() {
        let source = "name: Incident\n  sre-9: text\n";
        assert_eq!(&source[byte_range(source, 1, 1)], "name");
        assert_eq!(&source[byte_range(source, 2, 3)], "sre-9");
        assert_eq!(&source[byte_range(source, 1, 7)], "Incident");
        let toml = "output_dir = \"x\"\n";
        assert_eq!(&toml[byte_range(toml, 1, 1)], "output_dir");
    }

    #[test]
    fn positions_past_the_end_do_not_panic() {
        let source = "é\n";
        let _ = byte_range(source, 9, 9);
        let _ = byte_range(source, 1, 40);
    }
}
