//! One spreadsheet cell → the items it holds (issue 21). People write a
//! cell as lines (one item each), as bullet lines (`- `, `* `, `• `), or as
//! one Markdown text (paragraphs, a nested list); an indented bullet or a
//! line starting `e.g.` under an item is that item's example. Examples may
//! also come from the `examples` column (`<n>. <example>`, as the export
//! writes them).

/// An item of a cell, with its examples.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CellItem {
    pub text: String,
    pub examples: Vec<String>,
}

const BULLETS: [&str; 3] = ["- ", "* ", "• "];

/// The marker of a bullet line, without its indentation.
fn strip_bullet(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    BULLETS
        .iter()
        .find_map(|bullet| trimmed.strip_prefix(bullet))
        .map(str::trim)
}

/// The text after an example's lead-in (`e.g.`, `*e.g.*`, `Example:`), when
/// the line starts with one.
fn strip_example_lead(text: &str) -> Option<&str> {
    const LEADS: [&str; 8] = [
        "*e.g.*",
        "_e.g._",
        "e.g.",
        "eg:",
        "*example:*",
        "_example:_",
        "example:",
        "**example:**",
    ];
    let lower = text.to_lowercase();
    LEADS.iter().find_map(|lead| {
        lower
            .starts_with(lead)
            .then(|| text[lead.len()..].trim_start_matches([':', ' ']).trim())
    })
}

/// The items of a cell's text; an empty cell has none.
pub(super) fn cell_items(text: &str) -> Vec<CellItem> {
    let lines: Vec<&str> = text.lines().collect();
    let structured = lines
        .iter()
        .any(|line| strip_bullet(line).is_some() || strip_example_lead(line.trim()).is_some());
    if structured {
        return bulleted(&lines);
    }
    let separate = lines.len() > 1
        && lines
            .iter()
            .all(|l| !l.trim().is_empty() && !l.starts_with([' ', '\t']));
    if separate {
        return lines.iter().map(|line| plain(line)).collect();
    }
    if text.trim().is_empty() {
        return Vec::new();
    }
    vec![plain(text)]
}

fn plain(text: &str) -> CellItem {
    CellItem {
        text: text.to_string(),
        examples: Vec::new(),
    }
}

/// Bullet lines: a top-level line starts an item, an indented bullet or an
/// `e.g.` line adds an example to the item above, any other indented line
/// continues the line above it.
fn bulleted(lines: &[&str]) -> Vec<CellItem> {
    let mut items: Vec<CellItem> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let content = strip_bullet(line).unwrap_or(line.trim());
        let example = strip_example_lead(content);
        match items.last_mut() {
            Some(item) if example.is_some() || (indented && strip_bullet(line).is_some()) => {
                item.examples.push(example.unwrap_or(content).to_string());
            }
            Some(item) if indented => {
                let last = item.examples.last_mut().unwrap_or(&mut item.text);
                last.push(' ');
                last.push_str(content);
            }
            _ => items.push(plain(content)),
        }
    }
    items
}

/// Adds the `examples` column (`<n>. <example>` lines) to a cell's items.
/// Returns the line numbers (from 1) of entries that name no item.
pub(super) fn add_examples(items: &mut [CellItem], column: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for line in column.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let numbered = line
            .split_once(". ")
            .and_then(|(n, rest)| Some((n.parse::<usize>().ok()?, rest)));
        match numbered {
            Some((n, example)) if (1..=items.len()).contains(&n) => {
                items[n - 1].examples.push(example.trim().to_string());
            }
            Some((n, _)) => problems.push(format!(
                "the `examples` column names item {n}, but the cell has {} item{}",
                items.len(),
                if items.len() == 1 { "" } else { "s" }
            )),
            None => match items.last_mut() {
                Some(item) => item.examples.push(line.to_string()),
                None => problems.push("the `examples` column has examples but no item".into()),
            },
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[CellItem]) -> Vec<(&str, Vec<&str>)> {
        items
            .iter()
            .map(|i| {
                (
                    i.text.as_str(),
                    i.examples.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn bullet_lines_become_items_without_their_marker() {
        let items = cell_items("- Ships it\n* Reviews code\n• Writes docs");
        assert_eq!(
            texts(&items),
            [
                ("Ships it", vec![]),
                ("Reviews code", vec![]),
                ("Writes docs", vec![])
            ]
        );
    }

    #[test]
    fn an_e_g_line_or_an_indented_bullet_is_the_example_of_the_item_above() {
        let items = cell_items(
            "- Writes PR descriptions\n  - *e.g.* I chose X over Y\ne.g. Links the ticket\n- Gives feedback\n  - *Example:* In reviews",
        );
        assert_eq!(
            texts(&items),
            [
                (
                    "Writes PR descriptions",
                    vec!["I chose X over Y", "Links the ticket"]
                ),
                ("Gives feedback", vec!["In reviews"]),
            ]
        );
    }

    #[test]
    fn plain_lines_and_markdown_texts_keep_today_s_reading() {
        assert_eq!(
            texts(&cell_items("One.\nTwo.")),
            [("One.", vec![]), ("Two.", vec![])]
        );
        assert_eq!(
            texts(&cell_items("Para one.\n\nPara two.")),
            [("Para one.\n\nPara two.", vec![])]
        );
        assert_eq!(texts(&cell_items("- just one")), [("just one", vec![])]);
        assert!(cell_items("  ").is_empty());
    }

    #[test]
    fn the_examples_column_numbers_its_items() {
        let mut items = cell_items("One.\nTwo.");
        let problems = add_examples(&mut items, "2. For two\n1. For one\n3. Nobody");
        assert_eq!(
            texts(&items),
            [("One.", vec!["For one"]), ("Two.", vec!["For two"])]
        );
        assert_eq!(
            problems,
            ["the `examples` column names item 3, but the cell has 2 items"]
        );
    }
}
