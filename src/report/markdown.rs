//! GitHub-flavoured Markdown pieces: table rows and inline text escaped so
//! it shows as written (a `|` cannot break a table, a `<` cannot open HTML,
//! a `*` cannot start emphasis).

use std::fmt::Write as _;

/// One table row: `| a | b |`.
pub fn row(out: &mut String, cells: &[impl AsRef<str>]) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {} |", cell.as_ref());
    }
    out.push('\n');
}

/// A header row and its alignment row; `right` marks right-aligned columns.
pub fn header(out: &mut String, cells: &[impl AsRef<str>], right: &[bool]) {
    row(out, cells);
    let align: Vec<&str> = (0..cells.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "--:"
            } else {
                "---"
            }
        })
        .collect();
    row(out, &align);
}

/// Inline text shown as written, safe inside a table cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_text_cannot_break_tables_or_open_html() {
        assert_eq!(
            escape("a | b <script> *x*\nnext"),
            "a \\| b \\<script\\> \\*x\\*<br>next"
        );
    }

    #[test]
    fn a_header_has_its_alignment_row() {
        let mut out = String::new();
        header(&mut out, &["Name", "Loops"], &[false, true]);
        assert_eq!(out, "| Name | Loops |\n| --- | --: |\n");
    }
}
