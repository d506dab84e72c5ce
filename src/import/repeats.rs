//! One diagnostic per bad value, not one per row (issue 26): a sheet that
//! spells a level `E0` on 35 rows gets one error naming the 35 lines, at
//! the first of them, instead of 35 errors that bury everything else.
//!
//! Works on what a reader reported for one source file: diagnostics equal
//! in everything but their line (same severity, code, file, message and
//! hint) are the same problem. Order is kept: each merged diagnostic stands
//! where its first line stood.

use crate::diagnostics::{Diagnostic, Diagnostics};

/// `diagnostics` with every repeated problem merged into its first line.
pub fn merge_repeated(diagnostics: Diagnostics) -> Diagnostics {
    let mut merged: Vec<(Diagnostic, Vec<u32>)> = Vec::new();
    for diagnostic in diagnostics {
        match merged
            .iter_mut()
            .find(|(first, _)| same_problem(first, &diagnostic))
        {
            Some((_, lines)) => lines.push(diagnostic.line),
            None => {
                let line = diagnostic.line;
                merged.push((diagnostic, vec![line]));
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut diagnostic, mut lines)| {
            lines.sort_unstable();
            lines.dedup();
            if lines.len() > 1 {
                diagnostic.line = lines[0];
                diagnostic.column = 1;
                diagnostic.message = format!(
                    "{} (on {} rows: lines {})",
                    diagnostic.message,
                    lines.len(),
                    line_ranges(&lines)
                );
            }
            diagnostic
        })
        .collect()
}

fn same_problem(a: &Diagnostic, b: &Diagnostic) -> bool {
    (a.severity, a.code, &a.file, &a.message, &a.help)
        == (b.severity, b.code, &b.file, &b.message, &b.help)
}

/// Sorted distinct lines as runs: `2-36`, `4, 7, 9-11`.
fn line_ranges(lines: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &line in lines {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == line => *end = line,
            _ => runs.push((line, line)),
        }
    }
    runs.iter()
        .map(|&(start, end)| match end - start {
            0 => start.to_string(),
            1 => format!("{start}, {end}"),
            _ => format!("{start}-{end}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::Pos;

    fn bad_id(line: u32, value: &str) -> Diagnostic {
        Diagnostic::error(
            "invalid-id",
            "ladder.csv",
            Pos::new(line, 1),
            format!("`{value}` in the `level` column is not a valid id"),
        )
        .with_help("use lowercase letters, digits and hyphens")
    }

    #[test]
    fn one_value_on_many_rows_is_one_diagnostic_at_its_first_line() {
        // E0 on lines 2-5, 9 and 11 (6 rows); E1 on line 6 only; another
        // code on line 3 stays apart.
        let input: Diagnostics = [2, 3, 4, 5, 9, 11]
            .into_iter()
            .map(|line| bad_id(line, "E0"))
            .chain([
                bad_id(6, "E1"),
                Diagnostic::error("wrong-type", "ladder.csv", Pos::new(3, 1), "rank"),
            ])
            .collect();
        let lines: Vec<String> = merge_repeated(input)
            .sorted()
            .iter()
            .map(Diagnostic::one_line)
            .collect();
        assert_eq!(
            lines,
            [
                "ladder.csv:2:1: error[invalid-id]: `E0` in the `level` column is not a valid id (on 6 rows: lines 2-5, 9, 11)",
                "ladder.csv:3:1: error[wrong-type]: rank",
                "ladder.csv:6:1: error[invalid-id]: `E1` in the `level` column is not a valid id",
            ]
        );
    }

    #[test]
    fn runs_of_two_are_written_out() {
        assert_eq!(line_ranges(&[4, 5, 7, 9, 10, 11]), "4, 5, 7, 9-11");
        assert_eq!(line_ranges(&[3]), "3");
    }
}
