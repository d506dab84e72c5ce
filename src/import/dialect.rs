//! How a CSV file is written: its delimiter (`,`, or the `;` Excel writes
//! in many locales, or a tab), and whether its quotes close. The csv crate
//! reads an unclosed quote as one field running to the end of the file, so
//! every row after it would vanish into one cell (issue 21); it is found
//! here first, at the line where the quote opened.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;

/// The delimiters a ladder may use, most likely first.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// The delimiter to read `text` with (given, else detected), after the
/// checks that must pass before the csv crate reads it: the file is not
/// empty, and no quoted field runs to its end. `None` when one fails.
pub(super) fn checked_dialect(
    text: &str,
    file: &str,
    delimiter: Option<u8>,
    diagnostics: &mut Diagnostics,
) -> Option<u8> {
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("empty-field", file, Pos::new(1, 1), "the CSV file is empty")
                .with_help("export the sheet again with its header row and one row per competency and level"),
        );
        return None;
    }
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(text));
    if let Some(line) = unclosed_quote(text, delimiter) {
        diagnostics.push(
            Diagnostic::error(
                "csv-syntax",
                file,
                Pos::new(line, 1),
                "a quoted field opens on this line and never closes, so every row after it would be read into this one cell",
            )
            .with_help("close the quote with `\"` at the end of the field (a quote inside a quoted field is written `\"\"`)"),
        );
        return None;
    }
    Some(delimiter)
}

/// The delimiter of the header line: the candidate it holds most often
/// outside quotes (`,` when none).
fn detect_delimiter(text: &str) -> u8 {
    let header = header_line(text);
    let count = |delimiter: u8| {
        let mut quoted = false;
        header
            .bytes()
            .filter(|&b| {
                if b == b'"' {
                    quoted = !quoted;
                }
                !quoted && b == delimiter
            })
            .count()
    };
    CANDIDATES
        .into_iter()
        .map(|d| (count(d), d))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, d)| {
            (
                *n,
                std::cmp::Reverse(CANDIDATES.iter().position(|c| c == d)),
            )
        })
        .map_or(b',', |(_, d)| d)
}

/// The first line, which may itself hold a quoted line break.
fn header_line(text: &str) -> &str {
    let mut quoted = false;
    for (index, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return &text[..index],
            _ => {}
        }
    }
    text
}

/// The line (from 1) where a quoted field opens and never closes, if one
/// does. A quote opens a field only at its start; inside, `""` is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut line = 1u32;
    let mut opened_at = None;
    let mut field_start = true;
    let mut index = 0;
    while index < bytes.len() {
        let b = bytes[index];
        if b == b'\n' {
            line += 1;
        }
        if opened_at.is_some() {
            if b == b'"' {
                if bytes.get(index + 1) == Some(&b'"') {
                    index += 1;
                } else {
                    opened_at = None;
                }
            }
        } else if b == b'"' && field_start {
            opened_at = Some(line);
        } else {
            field_start = b == delimiter || b == b'\n' || (b == b'\r' && field_start);
            index += 1;
            continue;
        }
        field_start = false;
        index += 1;
    }
    opened_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_decides_the_delimiter() {
        assert_eq!(detect_delimiter("level,rank\n1;2\n"), b',');
        assert_eq!(detect_delimiter("level;rank;\"a,b\"\n"), b';');
        assert_eq!(detect_delimiter("level\trank\n"), b'\t');
        assert_eq!(detect_delimiter("level\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opened() {
        assert_eq!(unclosed_quote("a,b\n1,\"Ships\n2,x\n3,y\n", b','), Some(2));
        assert_eq!(
            unclosed_quote("a,b\n1,\"Ships\nit\"\n2,\"say \"\"hi\"\"\"\n", b','),
            None
        );
        assert_eq!(unclosed_quote("a;b\n1;\"x;y\"\n", b';'), None);
        // A quote inside an unquoted field is text.
        assert_eq!(unclosed_quote("a,b\n1,5\" screen\n", b','), None);
    }
}
