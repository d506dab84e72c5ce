//! A ladder a team already has → the files of a new book (`import`).
//!
//! One reader per source fills one shared [`draft::Draft`] (`long`: the
//! columns of `matrix.csv`, [`crate::render::export::CSV_COLUMNS`]); one
//! writer (`writer`) turns it into the files of a book: `book.toml` (with `[ladder] areas`), `tracks.yaml` when
//! the ladder is not one implicit `default` track, one file per level and
//! per competency. Pure: text in, files or diagnostics out; `cmd::import`
//! writes them.
//!
//! Exporting the result gives back the same CSV: rows carried over from a
//! lower level (non-empty `carried_from`) are not written as entries of
//! their own, since carry-over recreates them (spec, competencies/<id>.yaml),
//! and the order of areas is rebuilt from the order of the rows.

mod cell;
mod dialect;
mod draft;
mod framework;
mod grid;
mod level_keys;
mod long;
mod repeats;
mod summary;
mod writer;

use crate::content::memory::{MemoryFile, load_memory_book};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::scaffold::NewFile;

pub use framework::FrameworkFile;

/// What the import needs besides the source's bytes.
pub struct ImportOptions<'a> {
    /// The source file as diagnostics name it.
    pub file: &'a str,
    /// The new book's title.
    pub title: &'a str,
    /// The field delimiter; `None` detects it from the header row.
    pub delimiter: Option<u8>,
    /// `--dry-run`: the summary lists every level and competency.
    pub detailed: bool,
    /// `--header-row N`: the grid's header is the Nth record.
    pub header_row: Option<usize>,
    /// `--map COLUMN=FIELD` for a grid's extra columns.
    pub maps: &'a [(String, String)],
}

/// An import that succeeded: the book's files and the summary to print.
pub struct Imported {
    pub files: Vec<NewFile>,
    pub summary: String,
}

/// Reads `bytes` (UTF-8 CSV with a header row) into the files of a new
/// book. Returns `None` when the CSV has errors; they are in `diagnostics`.
pub fn import_csv(
    bytes: &[u8],
    options: &ImportOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Imported> {
    let errors_before = diagnostics.error_count();
    let help = "save the spreadsheet as \"CSV UTF-8\"";
    let text = utf8_text(bytes, options.file, help, diagnostics)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = dialect::checked_dialect(text, options.file, options.delimiter, diagnostics)?;
    let records = grid_records(text, delimiter, options.file, diagnostics)?;
    check_maps(options, &records, diagnostics);
    // The reader's problems, each bad value once with all its lines.
    let mut found = Diagnostics::default();
    let draft = read_records(text, delimiter, &records, options, &mut found);
    diagnostics.extend(repeats::merge_repeated(found));
    let draft = draft?;
    if diagnostics.error_count() > errors_before {
        return None;
    }
    Some(finish(draft, options))
}

/// The sheet in whichever layout it has: the long one or a grid.
fn read_records(
    text: &str,
    delimiter: u8,
    records: &[grid::Record],
    options: &ImportOptions,
    diagnostics: &mut Diagnostics,
) -> Option<draft::Draft> {
    if is_long_layout(records, options.header_row) {
        let rows = long::parse_rows(text, options.file, Some(delimiter), diagnostics)?;
        let mut draft = long::read_ladder(&rows, options.file, diagnostics);
        draft.notes.push(format!(
            "read {} in the long layout (one row per competency and level)",
            options.file
        ));
        return Some(draft);
    }
    let Some(header) = grid::find_header(records, options.header_row) else {
        diagnostics.push(grid::unknown_layout(options.file, 1));
        return None;
    };
    let grid_options = grid::GridOptions {
        file: options.file,
        maps: options.maps,
    };
    grid::read_grid(records, header, &grid_options, diagnostics)
}

/// Every record of the sheet with its line, of any length.
fn grid_records(
    text: &str,
    delimiter: u8,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<grid::Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => records.push(grid::Record {
                line: record.position().map_or(1, |p| p.line() as u32),
                cells: record.iter().map(str::to_string).collect(),
            }),
            Err(err) => {
                diagnostics.push(long::csv_error(file, &err));
                return None;
            }
        }
    }
    Some(records)
}

/// The long layout: its first record (without `--header-row`) names at
/// least three of the columns of `matrix.csv`.
fn is_long_layout(records: &[grid::Record], header_row: Option<usize>) -> bool {
    let Some(first) = records.first() else {
        return false;
    };
    let named = first
        .cells
        .iter()
        .filter(|c| {
            crate::render::export::CSV_COLUMNS.contains(&c.trim().to_ascii_lowercase().as_str())
        })
        .count();
    header_row.is_none() && named >= 3
}

/// Each `--map` names a field the grid knows and a column the sheet has.
fn check_maps(options: &ImportOptions, records: &[grid::Record], diagnostics: &mut Diagnostics) {
    for (column, field) in options.maps {
        let pos = crate::node::Pos::new(1, 1);
        if !grid::FIELDS.contains(&field.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    "unknown-field",
                    options.file,
                    pos,
                    format!(
                        "`--map {column}={field}`: `{field}` is not a field a column can map to"
                    ),
                )
                .with_help(format!("map to one of: {}", grid::FIELDS.join(", "))),
            );
        }
        let found = records.iter().take(30).any(|r| {
            r.cells
                .iter()
                .any(|c| c.trim().eq_ignore_ascii_case(column.trim()))
        });
        if !found {
            diagnostics.push(
                Diagnostic::error(
                    "unknown-field",
                    options.file,
                    pos,
                    format!("`--map {column}={field}`: the sheet has no column or row `{column}`"),
                )
                .with_help("name the column as its header cell spells it"),
            );
        }
    }
}

/// Reads the files of a progression-framework repository (or one of them)
/// into the files of a new book; `None` when they have errors.
pub fn import_frameworks(
    files: &[FrameworkFile],
    options: &ImportOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Imported> {
    let errors_before = diagnostics.error_count();
    let draft = framework::read_frameworks(files, diagnostics);
    if diagnostics.error_count() > errors_before {
        return None;
    }
    Some(finish(draft, options))
}

/// The source as text, or a `not-utf8` error naming where it stops being UTF-8.
fn utf8_text<'a>(
    bytes: &'a [u8],
    file: &str,
    help: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            diagnostics.push(
                Diagnostic::not_utf8(file, bytes, err, "this file is not valid UTF-8 text")
                    .with_help(help),
            );
            None
        }
    }
}

/// The last steps every reader shares: guides for the pages the items link
/// to, the files, the summary.
fn finish(mut draft: draft::Draft, options: &ImportOptions) -> Imported {
    draft.add_linked_guides();
    Imported {
        files: writer::render_book(&draft, options.title),
        summary: summary::render_summary(&draft, options.detailed),
    }
}

/// The problems the imported book would have, found in memory before
/// anything is written: an import that would leave a book that does not
/// check writes nothing (issue 26).
pub fn check_imported(files: &[NewFile]) -> Diagnostics {
    let text = |file: &NewFile| String::from_utf8_lossy(&file.contents).into_owned();
    let config = files
        .iter()
        .find(|f| f.path.as_os_str() == "book.toml")
        .map(text)
        .unwrap_or_default();
    let content: Vec<MemoryFile> = files
        .iter()
        .filter_map(|file| {
            let path = file.path.strip_prefix("content").ok()?;
            Some(MemoryFile {
                path: path.to_string_lossy().replace('\\', "/"),
                text: text(file),
            })
        })
        .collect();
    let loaded = load_memory_book(&config, &content);
    let mut diagnostics = loaded.diagnostics;
    if !diagnostics.has_errors() {
        for problem in crate::content::resolve::guide_link_problems(&loaded.book) {
            diagnostics.push(problem);
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "track,level,level_code,level_title,rank,area,competency,competency_name,expectation,carried_from\n";

    fn import(csv: &str) -> Result<Vec<(String, String)>, Vec<String>> {
        let mut diagnostics = Diagnostics::default();
        let options = ImportOptions {
            file: "ladder.csv",
            title: "Ladder",
            delimiter: None,
            detailed: false,
            header_row: None,
            maps: &[],
        };
        match import_csv(csv.as_bytes(), &options, &mut diagnostics) {
            Some(imported) => Ok(imported
                .files
                .into_iter()
                .map(|f| {
                    (
                        f.path.display().to_string(),
                        String::from_utf8(f.contents.into_owned()).unwrap(),
                    )
                })
                .collect()),
            None => Err(diagnostics.sorted().iter().map(|d| d.one_line()).collect()),
        }
    }

    fn file<'a>(files: &'a [(String, String)], path: &str) -> &'a str {
        &files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("{path} in {files:?}"))
            .1
    }

    #[test]
    fn one_implicit_track_needs_no_tracks_file() {
        let files = import(&format!(
            "{HEADER}default,e-1,L1,Engineer,1,Craft,delivery,Delivery,Ships it.,\n"
        ))
        .unwrap();
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "book.toml",
                "content/levels/e-1.md",
                "content/competencies/delivery.yaml"
            ]
        );
        assert_eq!(
            file(&files, "book.toml"),
            "[book]\ntitle = \"Ladder\"\n\n[ladder]\nareas = [\"Craft\"]\n"
        );
        assert_eq!(
            file(&files, "content/levels/e-1.md"),
            "---\ntitle: Engineer\ncode: L1\nrank: 1\n---\n"
        );
        assert_eq!(
            file(&files, "content/competencies/delivery.yaml"),
            "name: Delivery\narea: Craft\norder: 1\nexpectations:\n  e-1: Ships it.\n"
        );
    }

    #[test]
    fn carried_rows_are_left_to_carry_over_and_items_become_lists() {
        let files = import(&format!(
            "{HEADER}ic,e-1,,Engineer,1,Craft,delivery,Delivery,\"One.\nTwo.\",\n\
             ic,e-2,,Senior,2,Craft,delivery,Delivery,\"One.\nTwo.\",e-1\n\
             mgmt,m-1,,Manager,1,People,coaching,Coaching,\"Para one.\n\nPara two.\",\n"
        ))
        .unwrap();
        assert_eq!(
            file(&files, "content/competencies/delivery.yaml"),
            "name: Delivery\narea: Craft\norder: 1\nexpectations:\n  e-1:\n    - One.\n    - Two.\n"
        );
        assert_eq!(
            file(&files, "content/competencies/coaching.yaml"),
            "name: Coaching\narea: People\norder: 2\nexpectations:\n  m-1: |-\n    Para one.\n\n    Para two.\n"
        );
        assert_eq!(
            file(&files, "content/tracks.yaml"),
            "- id: ic\n  name: IC\n- id: mgmt\n  name: Mgmt\n"
        );
        assert!(file(&files, "content/levels/m-1.md").contains("track: mgmt\n"));
    }

    #[test]
    fn areas_keep_the_order_of_the_rows_even_when_a_level_skips_one() {
        let files = import(&format!(
            "{HEADER}default,e-1,,E1,1,Second,b,B,x,\n\
             default,e-2,,E2,2,First,a,A,y,\n\
             default,e-2,,E2,2,Second,b,B,x,e-1\n"
        ))
        .unwrap();
        assert!(
            file(&files, "book.toml").ends_with("areas = [\"First\", \"Second\"]\n"),
            "{}",
            file(&files, "book.toml")
        );
    }

    #[test]
    fn problems_are_reported_by_line() {
        let problems = import(&format!(
            "{HEADER}default,E_1,,E1,1,Craft,a,A,x,\n\
             default,e-2,,E2,two,Craft,a,A,x,\n\
             default,e-3,,E3,3,Craft,a,A,x,\n\
             default,e-4,,E4,3,Craft,a,A,x,\n\
             default,e-3,,E3,3,Craft,a,A,x,\n\
             default,e-3,,Other,3,Craft,b,B,x,\n"
        ))
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "ladder.csv:2:1: error[invalid-id]: `E_1` in the `level` column is not a valid id",
                "ladder.csv:3:1: error[wrong-type]: the `rank` column must be a whole number, found `two`",
                "ladder.csv:5:1: error[duplicate-rank]: rank 3 is already taken in the `default` track by `e-3` (line 4)",
                "ladder.csv:6:1: error[duplicate-row]: `a` at `e-3` already has a row (line 4)",
                "ladder.csv:7:1: error[csv-conflict]: the level `e-3` has `level_title` `E3` on line 4 but `Other` here",
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let problems =
            import("level,level_title,area,competency,competency_name,expectation\n").unwrap_err();
        assert_eq!(
            problems,
            ["ladder.csv:1:1: error[csv-missing-column]: the header row has no `rank` column"]
        );
    }

    #[test]
    fn a_carried_row_must_match_its_source() {
        let problems = import(&format!(
            "{HEADER}default,e-1,,E1,1,Craft,a,A,x,\n\
             default,e-2,,E2,2,Craft,a,A,changed,e-1\n\
             default,e-3,,E3,3,Craft,b,B,y,e-1\n"
        ))
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "ladder.csv:3:1: error[carried-mismatch]: `a` at `e-2` says it is carried from `e-1`, but its expectation differs from that level's",
                "ladder.csv:4:1: error[carried-mismatch]: `b` at `e-3` says it is carried from `e-1`, but no lower level of its track has an entry of its own",
            ]
        );
    }

    #[test]
    fn a_header_alone_is_not_a_ladder() {
        assert_eq!(
            import(HEADER).unwrap_err(),
            ["ladder.csv:1:1: error[empty-field]: the CSV has no rows below its header"]
        );
    }

    #[test]
    fn rows_that_are_not_csv_are_reported() {
        let problems = import(&format!("{HEADER}default,e-1\n")).unwrap_err();
        assert_eq!(
            problems,
            ["ladder.csv:2:1: error[csv-syntax]: this row has 2 fields where the header has 10"]
        );
    }
}
