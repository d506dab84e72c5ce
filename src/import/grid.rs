//! The grid reader of `import --from csv`: a sheet as teams keep it, levels
//! as rows or as columns, competencies the other way, criteria in the cells
//! → the shared [`Draft`].
//!
//! The header row is the first with as many filled cells as the widest
//! rows (title rows above it are skipped), or `--header-row N`. Level cells
//! (`E1, ~ 1 yr`, `Senior (L4)`, `3`) give a title, a code and years; the
//! sheet's order gives ranks and the competencies' `order:`. Well-known
//! extra columns (or rows) go to the level: `Summary` to its summary,
//! `Scope` to the level-wide aspect "Scope" (issue 25), `Years` to its
//! years, `Notes` and `Description` to its narrative; `--map COLUMN=FIELD`
//! maps any other (`aspect` makes the column an aspect of its own name). Text outside the grid
//! (title rows, a "how to read this" block) becomes one guide.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::cell::{CellItem, cell_items};
use crate::import::draft::{Competency, DEFAULT_TRACK, Draft, Guide, Level};
use crate::import::level_keys::{KEY_FIELDS, given_keys};
use crate::import::summary::count;
use crate::node::Pos;

/// The fields a column (or row) of extras may map to.
pub const FIELDS: [&str; 10] = [
    "summary",
    "aspect",
    "narrative",
    "years",
    "competency",
    "area",
    "ignore",
    "id",
    "code",
    "rank",
];

/// One record of the sheet: its line and its cells.
pub(super) struct Record {
    pub line: u32,
    pub cells: Vec<String>,
}

impl Record {
    fn cell(&self, at: usize) -> &str {
        self.cells.get(at).map_or("", |c| c.trim())
    }
    fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.trim().is_empty()).count()
    }
}

/// What the grid reader needs besides the records.
pub(super) struct GridOptions<'a> {
    pub file: &'a str,
    /// `--map COLUMN=FIELD`, names compared without case.
    pub maps: &'a [(String, String)],
}

/// Whether a cell names a level: a number, a short code (`E1`, `IC3`), a
/// `Level 3`, or text with a code in parentheses or before a comma.
pub(super) fn looks_like_level(text: &str) -> bool {
    let (title, code, _) = level_parts(text);
    !code.is_empty() || title.to_lowercase().starts_with("level ")
}

/// (title, code, years) of a level cell.
fn level_parts(text: &str) -> (String, String, String) {
    let text = text.trim();
    let (head, years) = match text.split_once([',', '\n']) {
        Some((head, rest)) => (head.trim(), rest.trim().to_string()),
        None => (text, String::new()),
    };
    if let Some((title, rest)) = head.split_once('(') {
        let code = rest.trim_end_matches(')').trim();
        if is_code(code) {
            return (title.trim().to_string(), code.to_string(), years);
        }
    }
    if head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty() {
        return (format!("Level {head}"), format!("L{head}"), years);
    }
    if let Some(n) = head
        .strip_prefix("Level ")
        .or(head.strip_prefix("level "))
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    {
        return (head.to_string(), format!("L{n}"), years);
    }
    if is_code(head) {
        return (head.to_string(), head.to_string(), years);
    }
    (head.to_string(), String::new(), years)
}

/// A short code: letters then digits (`E1`, `IC3`, `L10`, `M2a`).
fn is_code(text: &str) -> bool {
    let letters = text.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &text[letters..];
    text.len() <= 6
        && letters <= 3
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// The field a header maps to: `--map` first, then the well-known names.
fn field_of(header: &str, maps: &[(String, String)]) -> Option<String> {
    let name = header.trim().to_lowercase();
    if let Some((_, field)) = maps
        .iter()
        .find(|(column, field)| column.to_lowercase() == name && FIELDS.contains(&field.as_str()))
    {
        return Some(match field.as_str() {
            "aspect" => aspect_field(header),
            _ => field.clone(),
        });
    }
    let known = match name.as_str() {
        "scope" => return Some(aspect_field(header)),
        "summary" => "summary",
        "years" | "experience" | "years of experience" => "years",
        "notes" | "note" | "description" | "comments" => "narrative",
        "area" | "group" | "category" => "area",
        // A plain `Code` may be a competency: only `--map` makes it the levels'.
        "id" | "level id" => "id",
        "level code" => "code",
        "rank" | "level rank" => "rank",
        _ => return None,
    };
    Some(known.to_string())
}

/// The field of a column that is a level-wide aspect: `aspect:<its name>`.
fn aspect_field(header: &str) -> String {
    format!("{ASPECT_FIELD}{}", header.trim())
}

const ASPECT_FIELD: &str = "aspect:";

/// The index of the header record: `--header-row`, else the first record
/// with at least half as many filled cells as the fullest record (and two).
pub(super) fn find_header(records: &[Record], header_row: Option<usize>) -> Option<usize> {
    if let Some(n) = header_row {
        return (1..=records.len()).contains(&n).then(|| n - 1);
    }
    let widest = records.iter().map(Record::filled).max().unwrap_or(0);
    records
        .iter()
        .position(|r| r.filled() >= 2 && r.filled() * 2 >= widest)
}

/// A criterion cell's items: lines, blank-line paragraphs and bullets
/// (`-`, `*`, `•`, `1.`) each one item, bare URLs as links.
fn grid_items(text: &str) -> Vec<CellItem> {
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| linked(&numbered_as_bullet(line)))
        .collect();
    cell_items(&lines.join("\n"))
}

fn numbered_as_bullet(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let rest = &trimmed[digits..];
    match rest.strip_prefix(". ").or(rest.strip_prefix(") ")) {
        Some(item) if digits > 0 && digits < 3 => {
            format!("{}- {item}", &line[..line.len() - trimmed.len()])
        }
        _ => line.to_string(),
    }
}

/// Bare `http(s)://` words as Markdown autolinks.
fn linked(line: &str) -> String {
    if !line.contains("://") {
        return line.to_string();
    }
    let words: Vec<String> = line
        .split(' ')
        .map(|w| {
            let bare = w.starts_with("https://") || w.starts_with("http://");
            if bare {
                format!("<{w}>")
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
}

/// The grid as levels × competencies, whatever its orientation: each
/// level's label record and each competency's, with the cells between.
struct Axes<'r> {
    /// (label, line) of each level, in the sheet's order.
    levels: Vec<(String, u32)>,
    /// (name, line, area) of each competency, in the sheet's order.
    competencies: Vec<(String, u32, String)>,
    /// Extras: (field, level index, text).
    extras: Vec<(String, usize, String)>,
    /// cells[level][competency] = (text, line).
    cells: Vec<Vec<(&'r str, u32)>>,
    /// Records outside the grid, for the guide.
    outside: Vec<&'r Record>,
    /// Columns or rows neither level, competency nor mapped (warned).
    unmapped: Vec<(String, u32)>,
}

/// Reads the records from the header on into a draft.
pub(super) fn read_grid(
    records: &[Record],
    header: usize,
    options: &GridOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Draft> {
    let head = &records[header];
    let by_columns = (1..head.cells.len())
        .filter(|&i| looks_like_level(head.cell(i)))
        .count()
        >= 2;
    let axes = if by_columns {
        columns_axes(records, header, options)
    } else {
        rows_axes(records, header, options)
    };
    if axes.levels.is_empty() || axes.competencies.is_empty() || !plausible_levels(head, &axes) {
        diagnostics.push(unknown_layout(options.file, head.line));
        return None;
    }
    for (name, line) in &axes.unmapped {
        diagnostics.push(
            Diagnostic::warning(
                "csv-unmapped-column",
                options.file,
                Pos::new(*line, 1),
                format!("`{name}` is neither a level nor a competency, and is not imported"),
            )
            .with_help(format!(
                "map it with `--map \"{name}=FIELD\"`, FIELD one of: {}",
                FIELDS.join(", ")
            )),
        );
    }
    let mut draft = build_draft(&axes, options.file, diagnostics)?;
    draft.notes.insert(
        0,
        format!(
            "read {} as a grid, levels as {}, header on line {}",
            options.file,
            if by_columns { "columns" } else { "rows" },
            head.line
        ),
    );
    Some(draft)
}

/// Whether the level labels read as levels: the first header cell says so
/// (`Level`, `Level/Skill`, `Title`, `Grade`, `Role`), or most labels
/// look like levels. Guards against reading any table as a ladder.
fn plausible_levels(head: &Record, axes: &Axes) -> bool {
    let corner = head.cell(0).to_lowercase();
    let named = ["level", "title", "grade", "role", "band"]
        .iter()
        .any(|w| corner.contains(w));
    let like = axes
        .levels
        .iter()
        .filter(|(label, _)| looks_like_level(label))
        .count();
    named || like * 2 >= axes.levels.len()
}

pub(super) fn unknown_layout(file: &str, line: u32) -> Diagnostic {
    Diagnostic::error(
        "csv-unknown-layout",
        file,
        Pos::new(line, 1),
        "this header is neither the long layout (columns level, level_title, rank, competency, competency_name, expectation) nor a grid (levels as rows or columns, such as `1`, `E1` or `Senior (L4)`, competencies the other way)",
    )
    .with_help("see docs/migrating.md; if the header is on another line, give it with `--header-row N`")
}

/// Levels as rows: the first column labels levels, the header names competencies.
fn rows_axes<'r>(records: &'r [Record], header: usize, options: &GridOptions) -> Axes<'r> {
    let head = &records[header];
    let mut axes = empty_axes(records, header);
    let mut competency_columns = Vec::new();
    let mut extra_columns = Vec::new();
    for column in 1..head.cells.len() {
        let name = head.cell(column);
        match field_of(name, options.maps).as_deref() {
            Some("competency") => competency_columns.push(column),
            Some("ignore") => {}
            Some(field) => extra_columns.push((column, field.to_string())),
            None if name.is_empty() => {
                let filled = records[header + 1..]
                    .iter()
                    .any(|r| !r.cell(column).is_empty());
                if filled {
                    axes.unmapped
                        .push((format!("column {}", column + 1), head.line));
                }
            }
            None => competency_columns.push(column),
        }
    }
    for &column in &competency_columns {
        axes.competencies
            .push((head.cell(column).to_string(), head.line, String::new()));
    }
    for record in &records[header + 1..] {
        let label = record.cell(0);
        let criteria = competency_columns
            .iter()
            .any(|&c| !record.cell(c).is_empty());
        if label.is_empty() || !criteria || label.len() > 60 {
            if record.filled() > 0 {
                axes.outside.push(record);
            }
            continue;
        }
        let level = axes.levels.len();
        axes.levels.push((label.to_string(), record.line));
        axes.cells.push(
            competency_columns
                .iter()
                .map(|&c| (record.cell(c), record.line))
                .collect(),
        );
        for (column, field) in &extra_columns {
            axes.extras
                .push((field.clone(), level, record.cell(*column).to_string()));
        }
    }
    axes
}

/// Levels as columns: the header labels levels from the first level-like
/// cell on; each row below is a competency, an extra (`Scope`), an area
/// (a row with only its first cell), or text for the guide.
fn columns_axes<'r>(records: &'r [Record], header: usize, options: &GridOptions) -> Axes<'r> {
    let head = &records[header];
    let first = (1..head.cells.len())
        .find(|&i| looks_like_level(head.cell(i)))
        .unwrap_or(1);
    let level_columns: Vec<usize> = (first..head.cells.len())
        .filter(|&i| !head.cell(i).is_empty())
        .collect();
    let name_column = first - 1;
    let mut axes = empty_axes(records, header);
    axes.levels = level_columns
        .iter()
        .map(|&c| (head.cell(c).to_string(), head.line))
        .collect();
    axes.cells = vec![Vec::new(); level_columns.len()];
    let mut area = String::new();
    for record in &records[header + 1..] {
        if name_column > 0 && !record.cell(0).is_empty() {
            area = record.cell(0).to_string();
        }
        let name = record.cell(name_column);
        let criteria = level_columns.iter().any(|&c| !record.cell(c).is_empty());
        if !criteria {
            match name.len() {
                1..=40 if record.filled() == 1 && name_column == 0 => area = name.to_string(),
                _ if record.filled() > 0 => axes.outside.push(record),
                _ => {}
            }
            continue;
        }
        match field_of(name, options.maps).as_deref() {
            Some("ignore") => {}
            Some(field) if field != "competency" && field != "area" => {
                for (level, &c) in level_columns.iter().enumerate() {
                    axes.extras
                        .push((field.to_string(), level, record.cell(c).to_string()));
                }
            }
            _ if name.is_empty() => axes
                .unmapped
                .push((format!("the row on line {}", record.line), record.line)),
            _ => {
                axes.competencies
                    .push((name.to_string(), record.line, area.clone()));
                for (level, &c) in level_columns.iter().enumerate() {
                    axes.cells[level].push((record.cell(c), record.line));
                }
            }
        }
    }
    axes
}

fn empty_axes(records: &[Record], header: usize) -> Axes<'_> {
    Axes {
        levels: Vec::new(),
        competencies: Vec::new(),
        extras: Vec::new(),
        cells: Vec::new(),
        outside: records[..header]
            .iter()
            .filter(|r| r.filled() > 0)
            .collect(),
        unmapped: Vec::new(),
    }
}

/// The draft of the axes: levels with derived ids (two of one id are an
/// error naming both lines), competencies, items, extras, the guide.
fn build_draft(axes: &Axes, file: &str, diagnostics: &mut Diagnostics) -> Option<Draft> {
    let errors_before = diagnostics.error_count();
    let mut draft = Draft {
        tracks: vec![DEFAULT_TRACK.to_string()],
        ..Draft::default()
    };
    let given = given_keys(&axes.levels, &axes.extras, file, diagnostics);
    for ((label, line), given) in axes.levels.iter().zip(given) {
        let (title, code, years) = level_parts(label);
        let code = given.code.unwrap_or(code);
        let id = given
            .id
            .unwrap_or_else(|| derived_id(if code.is_empty() { &title } else { &code }));
        if let Some(other) = draft.levels.iter().find(|l| l.id == id) {
            diagnostics.push(
                Diagnostic::error(
                    "duplicate-id",
                    file,
                    Pos::new(*line, 1),
                    format!(
                        "two levels of one name: `{label}` here and on line {}",
                        other.line
                    ),
                )
                .with_help(
                    "give each level its own name or code, e.g. `Senior (L4)` and `Senior (L5)`",
                ),
            );
            continue;
        }
        draft.levels.push(Level {
            id,
            track: DEFAULT_TRACK.into(),
            code,
            title,
            years,
            rank: given.rank,
            line: *line,
            ..Level::default()
        });
    }
    let mut run = Vec::new();
    for (index, (name, line, area)) in axes.competencies.iter().enumerate() {
        let id = derived_id(name);
        if draft.competencies.iter().any(|c| c.id == id) || name.is_empty() {
            diagnostics.push(
                Diagnostic::error("duplicate-id", file, Pos::new(*line, 1), format!("the competency `{name}` cannot be placed: its name is empty or taken by another"))
                    .with_help("give each competency its own name"),
            );
            continue;
        }
        let mut competency = Competency {
            id: id.clone(),
            name: name.clone(),
            area: area.clone(),
            line: *line,
            ..Competency::default()
        };
        for (level, cells) in draft.levels.iter().zip(&axes.cells) {
            let items = grid_items(cells[index].0);
            if !items.is_empty() {
                competency.items.insert(level.id.clone(), items);
            }
        }
        run.push(id);
        draft.competencies.push(competency);
    }
    draft.competency_runs.push(run);
    draft.area_runs.push(
        axes.competencies
            .iter()
            .map(|c| c.2.clone())
            .filter(|a| !a.is_empty())
            .collect(),
    );
    add_extras(&mut draft, axes);
    add_guide(&mut draft, axes);
    (diagnostics.error_count() == errors_before).then_some(draft)
}

/// A level id from a label: its slug, `level-` before one that starts with no letter.
fn derived_id(label: &str) -> String {
    let slug = crate::markdown::slugify(label);
    let slug: String = slug.chars().take(60).collect();
    match slug.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => slug,
        _ => format!("level-{slug}"),
    }
}

fn add_extras(draft: &mut Draft, axes: &Axes) {
    let mut mapped: Vec<String> = Vec::new();
    for (field, level, text) in &axes.extras {
        let text = text.trim();
        if let Some(name) = field.strip_prefix(ASPECT_FIELD) {
            add_aspect_cell(draft, name, *level, text);
            let label = format!("{name} (a level-wide aspect)");
            if !mapped.contains(&label) {
                mapped.push(label);
            }
            continue;
        }
        let Some(level) = draft.levels.get_mut(*level) else {
            continue;
        };
        match field.as_str() {
            _ if KEY_FIELDS.contains(&field.as_str()) => {}
            "summary" => level.summary = text.split_whitespace().collect::<Vec<_>>().join(" "),
            "years" => level.years = text.to_string(),
            _ if !text.is_empty() => {
                if !level.narrative.is_empty() {
                    level.narrative.push_str("\n\n");
                }
                level.narrative.push_str(text);
            }
            _ => {}
        }
        if !mapped.contains(field) {
            mapped.push(field.clone());
        }
    }
    if !mapped.is_empty() {
        draft.notes.push(format!(
            "mapped to the levels: {} (change with --map COLUMN=FIELD)",
            mapped.join(", ")
        ));
    }
}

/// One level's cell of a level-wide aspect column: its items, like a
/// competency's (the aspect is declared on its first cell).
fn add_aspect_cell(draft: &mut Draft, name: &str, level: usize, text: &str) {
    let id = crate::config::aspect_id(name);
    let Some(level_id) = draft.levels.get(level).map(|l| l.id.clone()) else {
        return;
    };
    if !draft.aspects.iter().any(|a| a == name) {
        draft.aspects.push(name.to_string());
        draft.competencies.push(Competency {
            id: id.clone(),
            name: name.to_string(),
            level_wide: true,
            ..Competency::default()
        });
    }
    let items = grid_items(text);
    if items.is_empty() {
        return;
    }
    if let Some(aspect) = draft
        .competencies
        .iter_mut()
        .find(|c| c.level_wide && c.id == id)
    {
        aspect.items.insert(level_id, items);
    }
}

/// Text outside the grid as one guide, `about-this-ladder`.
fn add_guide(draft: &mut Draft, axes: &Axes) {
    let (Some(first), Some(last)) = (axes.outside.first(), axes.outside.last()) else {
        return;
    };
    let mut body = String::new();
    for record in &axes.outside {
        for cell in record.cells.iter().filter(|c| !c.trim().is_empty()) {
            body.push_str(&linked(cell.trim()));
            body.push_str("\n\n");
        }
    }
    draft.guides.push(Guide {
        path: "about-this-ladder".into(),
        title: "About this ladder".into(),
        body,
        origin: format!(
            "from {} of lines {}-{}",
            count(axes.outside.len(), "row", "rows"),
            first.line,
            last.line
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_cells_give_title_code_and_years() {
        assert_eq!(
            level_parts("E1, ~ 1 yr"),
            ("E1".into(), "E1".into(), "~ 1 yr".into())
        );
        assert_eq!(
            level_parts("Senior (L4)"),
            ("Senior".into(), "L4".into(), String::new())
        );
        assert_eq!(
            level_parts("3"),
            ("Level 3".into(), "L3".into(), String::new())
        );
        assert!(!looks_like_level("Collaboration"));
        assert!(looks_like_level("Level 2"));
    }

    #[test]
    fn blank_lines_numbers_and_bullets_separate_criteria() {
        let items = grid_items("1. One\n\n2) Two\n\n• Three see https://x.org\n\nFour");
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["One", "Two", "Three see <https://x.org>", "Four"]);
    }
}
