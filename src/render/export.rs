//! The ladder as data: `ladder.json` (the whole model) and `matrix.csv`.
//!
//! Both are part of the published site and of `ladderbook export`. The JSON
//! carries a `format` with a version; its fields are documented in
//! docs/exports.md. Text fields carry the Markdown as written (`text`) and,
//! in JSON, the rendered HTML with site-root-relative links (`html`).

use serde::Serialize;

use crate::content::model::{Book, Cell, Html, Item, ScaleStep};

pub const LADDER_FORMAT: &str = "ladderbook.ladder/1";

/// The columns of `matrix.csv`, also read back by `import --from csv`.
pub const CSV_COLUMNS: &[&str] = &[
    "track",
    "level",
    "level_code",
    "level_title",
    "rank",
    "area",
    "competency",
    "competency_name",
    "expectation",
    "carried_from",
];

/// The column `matrix.csv` gains when an item of the book has examples
/// (issue 21): one line per example, `<n>. <example>`, where `n` counts the
/// items of the cell from 1. Books without examples keep the ten columns.
pub const EXAMPLES_COLUMN: &str = "examples";
/// The optional column of `matrix.csv` with the owners' note on a cell (issue 25).
pub const NOTE_COLUMN: &str = "note";
/// The optional column of `matrix.csv` that marks a level-wide aspect's
/// rows with `yes` (issue 25); only books with `[ladder] aspects` have it.
pub const LEVEL_WIDE_COLUMN: &str = "level_wide";
/// The optional column of `matrix.csv` that marks with `yes` the row of a
/// level whose entry is `[]` (issue 25); only books that end an entry have it.
pub const ENDED_COLUMN: &str = "ended";
/// The optional column of `matrix.csv` with the level's pay band, there only
/// when the book publishes pay (issue 27): `52000–64000 EUR per YEAR`, one
/// line per zone (`berlin: ...`).
pub const PAY_COLUMN: &str = "pay_band";

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
    html: String,
}

fn text(html: &Html) -> Text<'_> {
    Text {
        text: &html.source,
        html: crate::markdown::relativize(&html.html, ""),
    }
}

fn texts(items: &[Html]) -> Vec<Text<'_>> {
    items.iter().map(text).collect()
}

/// An expected item: its text, its examples, and in a cumulative book the
/// level that introduced it.
#[derive(Serialize)]
struct ItemOut<'a> {
    #[serde(flatten)]
    text: Text<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    examples: Vec<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    introduced_at: Option<&'a str>,
}

fn item_out<'a>(item: &'a Item, introduced_at: Option<&'a str>) -> ItemOut<'a> {
    ItemOut {
        text: text(&item.text),
        examples: texts(&item.examples),
        introduced_at,
    }
}

#[derive(Serialize)]
struct Ladder<'a> {
    format: &'static str,
    title: &'a str,
    description: Option<&'a str>,
    version: &'a str,
    generator: &'static str,
    tracks: Vec<TrackOut<'a>>,
    areas: Vec<AreaOut<'a>>,
    levels: Vec<LevelOut<'a>>,
    competencies: Vec<CompetencyOut<'a>>,
    /// Level-wide aspects (issue 25), in `[ladder] aspects` order; absent
    /// in books without them, as in v1 exports.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aspects: Vec<AspectOut<'a>>,
    archetypes: Vec<ArchetypeOut<'a>>,
    scorecards: Vec<ScorecardOut<'a>>,
    pages: Vec<PageOut<'a>>,
}

#[derive(Serialize)]
struct TrackOut<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<Text<'a>>,
    levels: Vec<&'a str>,
}

#[derive(Serialize)]
struct AreaOut<'a> {
    name: &'a str,
    competencies: Vec<&'a str>,
}

#[derive(Serialize)]
struct LevelOut<'a> {
    id: &'a str,
    title: &'a str,
    code: Option<&'a str>,
    track: &'a str,
    rank: i64,
    summary: Option<Text<'a>>,
    years: Option<&'a str>,
    equivalent: Option<&'a str>,
    previous: Option<&'a str>,
    next: Option<&'a str>,
    /// The level's published bands (issue 27); absent unless `[pay] publish`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pay: Vec<PayOut<'a>>,
}

/// One published band of a level.
#[derive(Serialize)]
struct PayOut<'a> {
    /// The zone's id; absent in a book without zones.
    #[serde(skip_serializing_if = "str::is_empty")]
    zone: &'a str,
    currency: &'a str,
    per: &'static str,
    min: f64,
    max: f64,
}

/// A level's published bands (none unless the book publishes pay).
fn pay_out(book: &Book, level: usize) -> Vec<PayOut<'_>> {
    let Some(pay) = book.published_pay() else {
        return Vec::new();
    };
    pay.zones
        .iter()
        .filter_map(|zone| {
            let band = zone.band_of(level)?;
            Some(PayOut {
                zone: &zone.id,
                currency: &zone.currency,
                per: zone.per.unit_text(),
                min: band.min,
                max: band.max,
            })
        })
        .collect()
}

/// A level's published bands as one `matrix.csv` cell.
fn pay_cell(book: &Book, level: usize) -> String {
    pay_out(book, level)
        .iter()
        .map(|out| {
            let band = crate::pay::Band {
                level,
                min: out.min,
                max: out.max,
            };
            let range = crate::pay::money::plain_range(&band, out.currency);
            match out.zone {
                "" => format!("{range} per {}", out.per),
                zone => format!("{zone}: {range} per {}", out.per),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Serialize)]
struct ExpectationOut<'a> {
    level: &'a str,
    /// Every item the level expects (in a cumulative book, the inherited
    /// ones too, each with the level that introduced it).
    items: Vec<ItemOut<'a>>,
    /// The level whose entry carries over to this one, when not its own.
    carried_from: Option<&'a str>,
    /// The owners' note on this level's entry (issue 25); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Text<'a>>,
}

#[derive(Serialize)]
struct CompetencyOut<'a> {
    id: &'a str,
    name: &'a str,
    area: &'a str,
    summary: Option<Text<'a>>,
    description: Option<Text<'a>>,
    expectations: Vec<ExpectationOut<'a>>,
    /// The levels whose entry is `[]`: not expected from there on in their
    /// track (issue 25). Absent when it never ends, as in v1 exports.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ends: Vec<&'a str>,
}

/// A level-wide aspect: a level's expectations across its competencies.
#[derive(Serialize)]
struct AspectOut<'a> {
    id: &'a str,
    name: &'a str,
    expectations: Vec<ExpectationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ends: Vec<&'a str>,
}

#[derive(Serialize)]
struct EmphasisOut<'a> {
    competency: &'a str,
    weight: u8,
}

#[derive(Serialize)]
struct ArchetypeOut<'a> {
    id: &'a str,
    name: &'a str,
    tagline: Option<Text<'a>>,
    emphasis: Vec<EmphasisOut<'a>>,
    levels: Vec<&'a str>,
}

#[derive(Serialize)]
struct DimensionOut<'a> {
    competency: &'a str,
    meets: Option<Text<'a>>,
    exceeds: Option<Text<'a>>,
}

#[derive(Serialize)]
struct InterviewOut<'a> {
    id: &'a str,
    title: &'a str,
    minutes: Option<i64>,
    brief: Option<Text<'a>>,
    focus: Vec<&'a str>,
    questions: Vec<Text<'a>>,
}

#[derive(Serialize)]
struct ScorecardOut<'a> {
    id: &'a str,
    title: &'a str,
    levels: Vec<&'a str>,
    archetype: Option<&'a str>,
    scale: &'a [ScaleStep],
    dimensions: Vec<DimensionOut<'a>>,
    interviews: Vec<InterviewOut<'a>>,
    signals: SignalsOut<'a>,
}

#[derive(Serialize)]
struct SignalsOut<'a> {
    strong: Vec<Text<'a>>,
    weak: Vec<Text<'a>>,
    #[serde(rename = "red-flags")]
    red_flags: Vec<Text<'a>>,
}

#[derive(Serialize)]
struct PageOut<'a> {
    path: &'a str,
    title: &'a str,
}

/// A competency's expectations, one per level where it is expected.
fn expectations_out(book: &Book, competency: usize) -> Vec<ExpectationOut<'_>> {
    let level_id = |i: usize| book.levels[i].id.as_str();
    let cumulative = book.cumulative();
    book.competencies[competency]
        .cells
        .iter()
        .enumerate()
        .filter_map(|(l, cell)| {
            let cell = cell.as_ref()?;
            Some(ExpectationOut {
                level: level_id(l),
                items: book
                    .items_expected(competency, l)
                    .into_iter()
                    .map(|(from, item)| item_out(item, cumulative.then(|| level_id(from))))
                    .collect(),
                carried_from: cell.carried_from(l).map(level_id),
                note: cell.note.as_ref().map(text),
            })
        })
        .collect()
}

/// The whole validated model as pretty JSON (`ladder.json`).
pub fn ladder_json(book: &Book) -> String {
    let level_id = |i: usize| book.levels[i].id.as_str();
    let competency_id = |i: usize| book.competencies[i].id.as_str();
    let ladder = Ladder {
        format: LADDER_FORMAT,
        title: &book.config.book.title,
        description: book.config.book.description.as_deref(),
        version: &book.version,
        generator: concat!("ladderbook ", env!("CARGO_PKG_VERSION")),
        tracks: book
            .tracks
            .iter()
            .map(|t| TrackOut {
                id: &t.id,
                name: &t.name,
                description: t.description.as_ref().map(text),
                levels: t.levels.iter().map(|&l| level_id(l)).collect(),
            })
            .collect(),
        areas: book
            .areas
            .iter()
            .filter(|a| !a.level_wide)
            .map(|a| AreaOut {
                name: &a.name,
                competencies: a.competencies.iter().map(|&c| competency_id(c)).collect(),
            })
            .collect(),
        levels: book
            .levels
            .iter()
            .enumerate()
            .map(|(index, l)| LevelOut {
                id: &l.id,
                title: &l.title,
                code: l.code.as_deref(),
                track: &book.tracks[l.track].id,
                rank: l.rank,
                summary: l.summary.as_ref().map(text),
                years: l.years.as_deref(),
                equivalent: l.equivalent.map(level_id),
                previous: l.previous.map(level_id),
                next: l.next.map(level_id),
                pay: pay_out(book, index),
            })
            .collect(),
        competencies: book
            .competencies
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.level_wide)
            .map(|(index, c)| CompetencyOut {
                id: &c.id,
                name: &c.name,
                area: &book.areas[c.area].name,
                summary: c.summary.as_ref().map(text),
                description: c.description.as_ref().map(text),
                expectations: expectations_out(book, index),
                ends: c.ends.iter().map(|&l| book.levels[l].id.as_str()).collect(),
            })
            .collect(),
        aspects: book
            .competencies
            .iter()
            .enumerate()
            .filter(|(_, c)| c.level_wide)
            .map(|(index, c)| AspectOut {
                id: &c.id,
                name: &c.name,
                expectations: expectations_out(book, index),
                ends: c.ends.iter().map(|&l| book.levels[l].id.as_str()).collect(),
            })
            .collect(),
        archetypes: book
            .archetypes
            .iter()
            .map(|a| ArchetypeOut {
                id: &a.id,
                name: &a.name,
                tagline: a.tagline.as_ref().map(text),
                emphasis: a
                    .emphasis
                    .iter()
                    .map(|&(c, weight)| EmphasisOut {
                        competency: competency_id(c),
                        weight,
                    })
                    .collect(),
                levels: a.levels.iter().map(|&l| level_id(l)).collect(),
            })
            .collect(),
        scorecards: book
            .scorecards
            .iter()
            .map(|s| ScorecardOut {
                id: &s.id,
                title: &s.title,
                levels: s.levels.iter().map(|&l| level_id(l)).collect(),
                archetype: s.archetype.map(|a| book.archetypes[a].id.as_str()),
                scale: &s.scale,
                dimensions: s
                    .dimensions
                    .iter()
                    .map(|d| DimensionOut {
                        competency: competency_id(d.competency),
                        meets: d.meets.as_ref().map(text),
                        exceeds: d.exceeds.as_ref().map(text),
                    })
                    .collect(),
                interviews: s
                    .interviews
                    .iter()
                    .map(|i| InterviewOut {
                        id: &i.id,
                        title: &i.title,
                        minutes: i.minutes,
                        brief: i.brief.as_ref().map(text),
                        focus: i
                            .focus
                            .iter()
                            .map(|&d| competency_id(s.dimensions[d].competency))
                            .collect(),
                        questions: texts(&i.questions),
                    })
                    .collect(),
                signals: SignalsOut {
                    strong: texts(&s.signals.strong),
                    weak: texts(&s.signals.weak),
                    red_flags: texts(&s.signals.red_flags),
                },
            })
            .collect(),
        pages: book
            .pages
            .iter()
            .map(|p| PageOut {
                path: &p.path,
                title: &p.title,
            })
            .collect(),
    };
    let mut json = serde_json::to_string_pretty(&ladder)
        .expect("the ladder serialises: only strings and numbers");
    json.push('\n');
    json
}

/// One row per competency × level where it is expected (`matrix.csv`).
/// Several items of one cell are joined by newlines inside the quoted field;
/// every field is written with [`spreadsheet_cell`].
pub fn matrix_csv(book: &Book) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let with_examples = book.competencies.iter().any(|c| {
        c.cells
            .iter()
            .flatten()
            .any(|cell| cell.items.iter().any(|item| !item.examples.is_empty()))
    });
    let with_notes = book
        .competencies
        .iter()
        .any(|c| c.cells.iter().flatten().any(|cell| cell.note.is_some()));
    let mut header: Vec<&str> = CSV_COLUMNS.to_vec();
    if with_examples {
        header.push(EXAMPLES_COLUMN);
    }
    if with_notes {
        header.push(NOTE_COLUMN);
    }
    let with_aspects = book.has_aspects();
    if with_aspects {
        header.push(LEVEL_WIDE_COLUMN);
    }
    let with_ends = book.competencies.iter().any(|c| !c.ends.is_empty());
    if with_ends {
        header.push(ENDED_COLUMN);
    }
    let with_pay = book.published_pay().is_some();
    if with_pay {
        header.push(PAY_COLUMN);
    }
    writer
        .write_record(&header)
        .expect("writing to memory cannot fail");
    for track in &book.tracks {
        for &l in &track.levels {
            let level = &book.levels[l];
            let ended_here = Cell {
                items: Vec::new(),
                source_level: l,
                inherited: Vec::new(),
                note: None,
            };
            for c in book
                .areas
                .iter()
                .flat_map(|a| a.competencies.iter().copied())
            {
                let ended = book.competencies[c].ends.contains(&l);
                let Some(cell) = book.competencies[c].cells[l]
                    .as_ref()
                    .or(ended.then_some(&ended_here))
                else {
                    continue;
                };
                // A cumulative level's row holds its new items only: each
                // item is written once, on the level that introduced it.
                if cell.items.is_empty() && cell.note.is_none() && !ended {
                    continue;
                }
                let competency = &book.competencies[c];
                let expectation: Vec<&str> =
                    cell.items.iter().map(|i| i.text.source.as_str()).collect();
                let rank = level.rank.to_string();
                let carried = cell
                    .carried_from(l)
                    .map(|from| book.levels[from].id.as_str())
                    .unwrap_or("");
                let expectation = expectation.join("\n");
                let examples = examples_cell(&cell.items);
                let area = if book.areas[competency.area].implicit {
                    ""
                } else {
                    book.areas[competency.area].name.as_str()
                };
                let mut fields = vec![
                    track.id.as_str(),
                    &level.id,
                    level.code.as_deref().unwrap_or(""),
                    &level.title,
                    &rank,
                    area,
                    &competency.id,
                    &competency.name,
                    &expectation,
                    carried,
                ];
                if with_examples {
                    fields.push(&examples);
                }
                if with_notes {
                    fields.push(cell.note.as_ref().map_or("", |note| note.source.as_str()));
                }
                if with_aspects {
                    fields.push(if competency.level_wide { "yes" } else { "" });
                }
                if with_ends {
                    fields.push(if ended { "yes" } else { "" });
                }
                let pay = if with_pay {
                    pay_cell(book, l)
                } else {
                    String::new()
                };
                if with_pay {
                    fields.push(&pay);
                }
                let cells: Vec<_> = fields.into_iter().map(spreadsheet_cell).collect();
                writer
                    .write_record(cells.iter().map(|cell| cell.as_bytes()))
                    .expect("writing to memory cannot fail");
            }
        }
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// A cell's examples as lines `<n>. <example>`, `n` the item's place from
/// 1; an example's own line breaks become spaces, one line per example.
fn examples_cell(items: &[Item]) -> String {
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        for example in &item.examples {
            let one_line: Vec<&str> = example.source.split_whitespace().collect();
            lines.push(format!("{}. {}", n + 1, one_line.join(" ")));
        }
    }
    lines.join("\n")
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// open it (`=`, `+`, `-`, `@`, and the tab and carriage return some
/// spreadsheets skip before them), and the quote that marks text.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A field as a CSV cell a spreadsheet shows as text: a level titled
/// `=HYPERLINK(...)` or an expectation starting `- ` (a Markdown list) would
/// otherwise run as a formula in the reader's spreadsheet. Such a field gets
/// a leading `'`, the spreadsheets' own mark for text, which they do not
/// show; so does a field already starting with `'`, so that
/// [`spreadsheet_value`] gives back every field exactly.
pub fn spreadsheet_cell(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(FORMULA_STARTS) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

/// The field a [`spreadsheet_cell`] was made from. A cell from elsewhere
/// starting with `'` loses it only before a character it would protect.
pub fn spreadsheet_value(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_a_spreadsheet_would_run_are_marked_as_text_and_given_back_whole() {
        let cases = [
            (
                r#"=HYPERLINK("http://x","y")"#,
                r#"'=HYPERLINK("http://x","y")"#,
            ),
            ("+1", "'+1"),
            ("- a Markdown list", "'- a Markdown list"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'quoted'", "''quoted'"),
            ("''", "'''"),
            ("plain", "plain"),
            ("a = b", "a = b"),
            ("", ""),
            ("Zuverlässigkeit", "Zuverlässigkeit"),
        ];
        for (field, cell) in cases {
            assert_eq!(spreadsheet_cell(field), cell, "{field:?}");
            assert_eq!(spreadsheet_value(cell), field, "{cell:?}");
        }
        // Cells from other tools keep a quote that protects nothing.
        assert_eq!(spreadsheet_value("'hello"), "'hello");
        assert_eq!(spreadsheet_value("'"), "'");
    }
}
