//! Text for a terminal: aligned tables, colour only when wanted, and text
//! from input files cleaned of control characters, so a file cannot move
//! the cursor or recolour the terminal of whoever reads the report.

use std::io::IsTerminal;

use crate::diagnostics::ColorMode;

/// How a cell or line is coloured (when colour is on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Bold,
    Dim,
    Good,
    Warn,
    Bad,
}

impl Tone {
    fn ansi(self) -> Option<&'static str> {
        match self {
            Tone::Plain => None,
            Tone::Bold => Some("1"),
            Tone::Dim => Some("2"),
            Tone::Good => Some("32"),
            Tone::Warn => Some("33"),
            Tone::Bad => Some("31"),
        }
    }
}

/// Whether to colour standard output: `--color`, else only on a terminal
/// and never when `NO_COLOR` is set (no-color.org).
pub fn colour_stdout(mode: ColorMode) -> bool {
    match mode {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// `text` in `tone`, or as it is when colour is off.
pub fn paint(text: &str, tone: Tone, colour: bool) -> String {
    match tone.ansi() {
        Some(code) if colour && !text.is_empty() => format!("\x1b[{code}m{text}\x1b[0m"),
        _ => text.to_string(),
    }
}

/// One cell of a [`table`]: its text and tone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::new(text, Tone::Plain)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::new(text, Tone::Plain)
    }
}

/// Aligns plain `rows` (see [`table_in_tones`]) with no colour.
pub fn table(rows: &[Vec<String>], header_rows: usize, right: &[bool]) -> String {
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| row.iter().map(|c| Cell::from(c.as_str())).collect())
        .collect();
    table_in_tones(&cells, header_rows, right, false)
}

/// Aligns `rows` (the first `header_rows` of them headers, each column
/// underlined) into columns two spaces apart; `right` marks right-aligned
/// columns. Widths count characters, so `—` is one column wide; colour codes
/// go around the text, outside the padding.
pub fn table_in_tones(
    rows: &[Vec<Cell>],
    header_rows: usize,
    right: &[bool],
    colour: bool,
) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.text.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut lines = Vec::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.text.chars().count());
            let text = paint(&cell.text, cell.tone, colour);
            if c > 0 {
                line.push_str("  ");
            }
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(&text);
            } else {
                line.push_str(&text);
                line.push_str(&pad);
            }
        }
        lines.push(line.trim_end().to_string());
    }
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    lines.insert(header_rows.min(lines.len()), rule.join("  "));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Text from a file without control characters (newlines kept).
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn tables_align_by_characters_and_trim_line_ends() {
        let out = table(
            &cells(&[
                &["Dimension", "Ann", "Mean"],
                &["SLOs", "—", "3.5"],
                &["Incidents", "Yes (3)", "10.0"],
            ]),
            1,
            &[false, false, true],
        );
        assert_eq!(
            out,
            "Dimension  Ann      Mean\n\
             ---------  -------  ----\n\
             SLOs       —         3.5\n\
             Incidents  Yes (3)  10.0\n"
        );
    }

    #[test]
    fn colour_wraps_the_text_and_keeps_the_columns() {
        let rows = vec![
            vec![Cell::from("Name"), Cell::from("Offset")],
            vec![Cell::from("Ann"), Cell::new("+1.0", Tone::Bad)],
        ];
        assert_eq!(
            table_in_tones(&rows, 1, &[false, true], true),
            "Name  Offset\n----  ------\nAnn     \x1b[31m+1.0\x1b[0m\n"
        );
        assert_eq!(
            table_in_tones(&rows, 1, &[false, true], false),
            "Name  Offset\n----  ------\nAnn     +1.0\n"
        );
        assert_eq!(paint("x", Tone::Plain, true), "x");
        assert!(!colour_stdout(ColorMode::Never));
        assert!(colour_stdout(ColorMode::Always));
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(clean("a\u{1b}[31mb\tc\nd"), "a\u{fffd}[31mb c\nd");
    }
}
