//! The long layout of `import --from csv` (the columns of `matrix.csv`,
//! one row per competency × level) → the shared [`Draft`], every problem a
//! diagnostic at its line. Checks what one row or a set of rows can get
//! wrong (ids, ranks, disagreeing repeats, carry-over); the book's own
//! checks run on the written book.

use std::collections::{BTreeMap, HashMap};

use crate::content::resolve::is_valid_id;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::cell::{add_examples, cell_items};
use crate::import::dialect::checked_dialect;
use crate::import::draft::{Competency, DEFAULT_TRACK, Draft, Level};
use crate::node::Pos;
use crate::render::export::{
    CSV_COLUMNS, ENDED_COLUMN, EXAMPLES_COLUMN, LEVEL_WIDE_COLUMN, NOTE_COLUMN, spreadsheet_value,
};

/// The columns a CSV may leave out: `track` (one implicit track),
/// `level_code`, `area` (no area), `carried_from`, `examples`, `note` and
/// `level_wide` (empty). It must have the others.
const OPTIONAL_COLUMNS: &[&str] = &[
    "track",
    "level_code",
    "area",
    "carried_from",
    EXAMPLES_COLUMN,
    NOTE_COLUMN,
    LEVEL_WIDE_COLUMN,
    ENDED_COLUMN,
];

/// The columns an export adds only when a book needs them.
const EXTRA_COLUMNS: [&str; 4] = [
    EXAMPLES_COLUMN,
    NOTE_COLUMN,
    LEVEL_WIDE_COLUMN,
    ENDED_COLUMN,
];

/// One row of the CSV, its line and its fields by column name.
pub(super) struct Row {
    line: u32,
    fields: HashMap<&'static str, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.fields.get(column).map_or("", String::as_str)
    }
}

/// The header and the rows, each field trimmed of surrounding whitespace
/// except the expectation (Markdown keeps what it was given), and without
/// the `'` an export puts before a field a spreadsheet would run as a
/// formula.
pub(super) fn parse_rows(
    text: &str,
    file: &str,
    delimiter: Option<u8>,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Row>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = checked_dialect(text, file, delimiter, diagnostics)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            diagnostics.push(csv_error(file, &err));
            return None;
        }
    };
    let columns = header_columns(&headers, file, diagnostics)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                diagnostics.push(csv_error(file, &err));
                return None;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as u32);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let fields = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(column, value)| {
                let column = (*column)?;
                let value = if ["expectation", EXAMPLES_COLUMN, NOTE_COLUMN].contains(&column) {
                    spreadsheet_value(value)
                } else {
                    spreadsheet_value(value.trim())
                };
                Some((column, value.to_string()))
            })
            .collect();
        rows.push(Row { line, fields });
    }
    if rows.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                "empty-field",
                file,
                Pos::new(1, 1),
                "the CSV has no rows below its header",
            )
            .with_help("add one row per competency and level where it is expected"),
        );
        return None;
    }
    Some(rows)
}

/// Each header's column (`None` for columns the import does not read), or
/// `None` when a required column is missing (each one reported).
fn header_columns(
    headers: &csv::StringRecord,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Option<&'static str>>> {
    let mut columns: Vec<Option<&'static str>> = Vec::new();
    for header in headers.iter() {
        let name = header.trim().to_ascii_lowercase();
        columns.push(
            CSV_COLUMNS
                .iter()
                .copied()
                .chain(EXTRA_COLUMNS)
                .find(|c| *c == name),
        );
    }
    let missing: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .filter(|c| !OPTIONAL_COLUMNS.contains(c) && !columns.contains(&Some(*c)))
        .collect();
    for column in &missing {
        diagnostics.push(
            Diagnostic::error(
                "csv-missing-column",
                file,
                Pos::new(1, 1),
                format!("the header row has no `{column}` column"),
            )
            .with_help(format!(
                "the columns are those of `ladderbook export --format csv`: {}",
                CSV_COLUMNS.join(", ")
            )),
        );
    }
    missing.is_empty().then_some(columns)
}

pub(super) fn csv_error(file: &str, err: &csv::Error) -> Diagnostic {
    let line = err.position().map_or(1, |p| p.line() as u32);
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "this row is not valid UTF-8 text".into(),
        _ => "this is not valid CSV".into(),
    };
    Diagnostic::error("csv-syntax", file, Pos::new(line, 1), message).with_help(
        "quote fields that contain commas, quotes or line breaks (\"like, this\"), and double quotes inside them (\"\")",
    )
}

/// Reads the rows into a ladder; rows with problems are reported and left out.
pub(super) fn read_ladder(rows: &[Row], file: &str, diagnostics: &mut Diagnostics) -> Draft {
    let mut reader = Reader {
        file,
        diagnostics,
        ladder: Draft::default(),
        seen_cells: HashMap::new(),
        run_of: HashMap::new(),
        own: HashMap::new(),
        carried: Vec::new(),
    };
    for row in rows {
        reader.read_row(row);
    }
    let Reader {
        ladder,
        own,
        carried,
        ..
    } = reader;
    check_carried(&ladder, &own, &carried, file, diagnostics);
    ladder
}

/// A carried-over row, checked once every own entry is known.
struct Carried {
    line: u32,
    level: String,
    competency: String,
    from: String,
    text: String,
}

struct Reader<'a> {
    file: &'a str,
    diagnostics: &'a mut Diagnostics,
    ladder: Draft,
    /// The line of each (level, competency) cell's row.
    seen_cells: HashMap<(String, String), u32>,
    /// Each level's index into `ladder.area_runs`.
    run_of: HashMap<String, usize>,
    /// Own entries as written, by (competency, level), for the carried-over check.
    own: HashMap<(String, String), String>,
    carried: Vec<Carried>,
}

impl Reader<'_> {
    fn error(&mut self, code: &'static str, line: u32, message: String) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::error(
            code,
            self.file,
            Pos::new(line, 1),
            message,
        ));
        self.diagnostics.last_mut()
    }

    fn read_row(&mut self, row: &Row) {
        let Some((track, rank)) = self.check_row(row) else {
            return;
        };
        if !self.ladder.tracks.contains(&track) {
            self.ladder.tracks.push(track.clone());
        }
        let level = Level {
            id: row.get("level").to_string(),
            track,
            code: row.get("level_code").to_string(),
            title: row.get("level_title").to_string(),
            rank,
            line: row.line,
            ..Level::default()
        };
        if !add_level(&mut self.ladder, level, self.file, self.diagnostics) {
            return;
        }
        let competency = Competency {
            id: row.get("competency").to_string(),
            name: row.get("competency_name").to_string(),
            area: row.get("area").to_string(),
            line: row.line,
            items: BTreeMap::new(),
            notes: BTreeMap::new(),
            ends: Vec::new(),
            level_wide: row.get(LEVEL_WIDE_COLUMN).eq_ignore_ascii_case("yes"),
        };
        if let Some(c) = add_competency(&mut self.ladder, competency, self.file, self.diagnostics) {
            self.add_cell(row, c);
        }
    }

    /// The row's track and rank, when its ids, required cells and rank are valid.
    fn check_row(&mut self, row: &Row) -> Option<(String, i64)> {
        let track = match row.get("track") {
            "" => DEFAULT_TRACK,
            track => track,
        };
        let mut ok = true;
        for (column, id) in [
            ("track", track),
            ("level", row.get("level")),
            ("competency", row.get("competency")),
            ("carried_from", row.get("carried_from")),
        ] {
            if (column == "carried_from" && id.is_empty()) || is_valid_id(id) {
                continue;
            }
            ok = false;
            self.error(
                "invalid-id",
                row.line,
                format!("`{id}` in the `{column}` column is not a valid id"),
            )
            .help = Some(super::level_keys::id_help(id));
        }
        for column in ["level_title", "competency_name"] {
            if row.get(column).is_empty() {
                ok = false;
                self.error(
                    "empty-field",
                    row.line,
                    format!("the `{column}` column is empty"),
                );
            }
        }
        let rank = row.get("rank").parse::<i64>();
        if rank.is_err() {
            self.error(
                "wrong-type",
                row.line,
                format!(
                    "the `rank` column must be a whole number, found `{}`",
                    row.get("rank")
                ),
            )
            .help = Some("ranks are integers, higher is more senior: 1, 2, 3, ...".into());
        }
        match rank {
            Ok(rank) if ok => Some((track.to_string(), rank)),
            _ => None,
        }
    }

    /// Records the row's cell: an own entry, or a carried-over row to check.
    fn add_cell(&mut self, row: &Row, competency: usize) {
        let (level, id) = (row.get("level"), row.get("competency"));
        let cell = (level.to_string(), id.to_string());
        if let Some(first) = self.seen_cells.get(&cell).copied() {
            self.error(
                "duplicate-row",
                row.line,
                format!("`{id}` at `{level}` already has a row (line {first})"),
            )
            .help = Some("join the expectations into one row, one per line of the cell".into());
            return;
        }
        self.seen_cells.insert(cell, row.line);
        let ladder = &mut self.ladder;
        let run = *self.run_of.entry(level.to_string()).or_insert_with(|| {
            ladder.area_runs.push(Vec::new());
            ladder.competency_runs.push(Vec::new());
            ladder.area_runs.len() - 1
        });
        ladder.competency_runs[run].push(id.to_string());
        let area = &ladder.competencies[competency].area;
        if ladder.area_runs[run].last() != Some(area) {
            ladder.area_runs[run].push(area.clone());
        }
        let expectation = row.get("expectation");
        let from = row.get("carried_from");
        let note = row.get(NOTE_COLUMN);
        if !note.trim().is_empty() {
            let entry = &mut self.ladder.competencies[competency];
            entry.notes.insert(level.to_string(), note.to_string());
        }
        if row.get(ENDED_COLUMN).eq_ignore_ascii_case("yes") {
            // `[]`: the entry ends here; the book's check reports an end
            // with nothing below it to end.
            let entry = &mut self.ladder.competencies[competency];
            entry.ends.push(level.to_string());
        } else if !from.is_empty() {
            self.carried.push(Carried {
                line: row.line,
                level: level.to_string(),
                competency: id.to_string(),
                from: from.to_string(),
                text: expectation.to_string(),
            });
        } else if expectation.trim().is_empty() && !note.trim().is_empty() {
            // A note alone (a cumulative level that adds nothing): no items.
        } else if expectation.trim().is_empty() {
            self.error(
                "empty-field",
                row.line,
                "the `expectation` column is empty".into(),
            )
            .help = Some("write what is expected, or delete the row if nothing is".into());
        } else {
            let mut items = cell_items(expectation);
            if items.iter().any(|item| item.text.trim().is_empty()) {
                self.error(
                    "empty-item",
                    row.line,
                    "a bullet of the `expectation` column is empty".into(),
                )
                .help = Some(
                    "write the expected behaviour after the bullet, or delete the bullet".into(),
                );
            }
            for problem in add_examples(&mut items, row.get(EXAMPLES_COLUMN)) {
                self.error("csv-conflict", row.line, problem).help = Some(
                    "number each example with its item's place in the cell: `1. ...` for the first"
                        .into(),
                );
            }
            self.own
                .insert((id.to_string(), level.to_string()), expectation.to_string());
            let entry = &mut self.ladder.competencies[competency];
            entry.items.insert(level.to_string(), items);
        }
    }
}

/// Adds a level on its first row; later rows must agree with the first.
fn add_level(ladder: &mut Draft, level: Level, file: &str, diagnostics: &mut Diagnostics) -> bool {
    let at = Pos::new(level.line, 1);
    if let Some(known) = ladder.levels.iter().find(|l| l.id == level.id) {
        let differs = [
            ("track", &known.track, &level.track),
            ("level_code", &known.code, &level.code),
            ("level_title", &known.title, &level.title),
        ]
        .into_iter()
        .find(|(_, a, b)| a != b)
        .map(|(column, a, b)| (column, a.clone(), b.clone()))
        .or_else(|| {
            (known.rank != level.rank)
                .then(|| ("rank", known.rank.to_string(), level.rank.to_string()))
        });
        if let Some((column, first, here)) = differs {
            diagnostics.push(
                Diagnostic::error(
                    "csv-conflict",
                    file,
                    at,
                    format!(
                        "the level `{}` has `{column}` `{first}` on line {} but `{here}` here",
                        level.id, known.line
                    ),
                )
                .with_help("every row of a level must repeat the same level columns"),
            );
            return false;
        }
        return true;
    }
    if let Some(other) = ladder
        .levels
        .iter()
        .find(|l| l.track == level.track && l.rank == level.rank)
    {
        diagnostics.push(
            Diagnostic::error(
                "duplicate-rank",
                file,
                at,
                format!(
                    "rank {} is already taken in the `{}` track by `{}` (line {})",
                    level.rank, level.track, other.id, other.line
                ),
            )
            .with_help("give each level of a track its own rank"),
        );
        return false;
    }
    ladder.levels.push(level);
    true
}

/// Adds a competency on its first row; later rows must agree with the first.
fn add_competency(
    ladder: &mut Draft,
    competency: Competency,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<usize> {
    let Some(index) = ladder
        .competencies
        .iter()
        .position(|c| c.id == competency.id)
    else {
        if competency.level_wide && !check_aspect_id(&competency, file, diagnostics) {
            return None;
        }
        if competency.level_wide {
            ladder.aspects.push(competency.name.clone());
        }
        ladder.competencies.push(competency);
        return Some(ladder.competencies.len() - 1);
    };
    let known = &ladder.competencies[index];
    let level_wide = |c: &Competency| if c.level_wide { "yes" } else { "" }.to_string();
    let (known_wide, here_wide) = (level_wide(known), level_wide(&competency));
    let differs = [
        ("competency_name", &known.name, &competency.name),
        ("area", &known.area, &competency.area),
        (LEVEL_WIDE_COLUMN, &known_wide, &here_wide),
    ]
    .into_iter()
    .find(|(_, a, b)| a != b);
    if let Some((column, first, here)) = differs {
        diagnostics.push(
            Diagnostic::error(
                "csv-conflict",
                file,
                Pos::new(competency.line, 1),
                format!(
                    "the competency `{}` has `{column}` `{first}` on line {} but `{here}` here",
                    competency.id, known.line
                ),
            )
            .with_help("every row of a competency must repeat the same competency columns"),
        );
        return None;
    }
    Some(index)
}

/// A level-wide aspect is keyed by its name slugged (`[ladder] aspects`),
/// so its `competency` column must be that slug.
fn check_aspect_id(aspect: &Competency, file: &str, diagnostics: &mut Diagnostics) -> bool {
    let id = crate::config::aspect_id(&aspect.name);
    if id == aspect.id {
        return true;
    }
    diagnostics.push(
        Diagnostic::error(
            "csv-conflict",
            file,
            Pos::new(aspect.line, 1),
            format!(
                "the level-wide aspect `{}` has the id `{}`, but an aspect's id is its name slugged: `{id}`",
                aspect.name, aspect.id
            ),
        )
        .with_help(format!("write `{id}` in its `competency` column, or rename it")),
    );
    false
}

/// A carried-over row must be what carry-over recreates: the own entry of
/// the nearest lower rank of its track, which `carried_from` names.
fn check_carried(
    ladder: &Draft,
    own: &HashMap<(String, String), String>,
    carried_rows: &[Carried],
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    for carried in carried_rows {
        let level = ladder
            .levels
            .iter()
            .find(|l| l.id == carried.level)
            .expect("a carried row's level was added with it");
        let competency = ladder
            .competencies
            .iter()
            .find(|c| c.id == carried.competency)
            .expect("a carried row's competency was added with it");
        let source = ladder
            .levels
            .iter()
            .filter(|l| l.track == level.track && l.rank < level.rank)
            .filter(|l| own.contains_key(&(competency.id.clone(), l.id.clone())))
            .max_by_key(|l| l.rank);
        let problem = match source {
            None => Some(format!(
                "`{}` at `{}` says it is carried from `{}`, but no lower level of its track has an entry of its own",
                carried.competency, carried.level, carried.from
            )),
            Some(source) if source.id != carried.from => Some(format!(
                "`{}` at `{}` says it is carried from `{}`, but the nearest lower level with an entry is `{}`",
                carried.competency, carried.level, carried.from, source.id
            )),
            Some(source) if own[&(competency.id.clone(), source.id.clone())] != carried.text => {
                Some(format!(
                    "`{}` at `{}` says it is carried from `{}`, but its expectation differs from that level's",
                    carried.competency, carried.level, carried.from
                ))
            }
            Some(_) => None,
        };
        if let Some(message) = problem {
            diagnostics.push(
                Diagnostic::error("carried-mismatch", file, Pos::new(carried.line, 1), message)
                    .with_help("to make it this level's own entry, empty its `carried_from` cell"),
            );
        }
    }
}
