//! Source files → raw items, exactly as authors wrote them (with positions).
//!
//! Decoding checks shape only: required fields, unknown fields, types. Cross
//! references (levels, competencies, archetypes) are checked in `resolve`.
//! An item whose required fields are missing is reported and left out.

pub mod role;

use rayon::prelude::*;

use crate::content::source::{FrontMatterError, Kind, SourceFile, split_front_matter};
use crate::decode::{At, Decoder, Fields};
use crate::diagnostics::Diagnostics;
use crate::node::{Node, NodeKind, Pos};
use crate::toml_tree::LineIndex;

/// Markdown source and where it starts. `line_based` is true when the text
/// stands in its file line for line from `pos`, every line at `pos.col`
/// (file bodies, plain one-line values, literal `|` blocks): a position in
/// the text then maps to an exact line and column of the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Md {
    pub text: String,
    pub pos: Pos,
    pub line_based: bool,
}

#[derive(Debug, Clone)]
pub struct RawTrack {
    pub id: At<String>,
    pub name: At<String>,
    pub description: Option<Md>,
}

#[derive(Debug, Clone)]
pub struct RawLevel {
    pub file: String,
    /// Where the front matter's fields start: where a missing field is reported.
    pub pos: Pos,
    pub id: At<String>,
    pub title: At<String>,
    pub code: Option<At<String>>,
    pub track: Option<At<String>>,
    pub rank: At<i64>,
    pub summary: Option<Md>,
    pub years: Option<At<String>>,
    pub equivalent: Option<At<String>>,
    /// Level-wide expectations (issue 25): `level` holds the aspect's id.
    pub expectations: Vec<RawExpectation>,
    pub body: Md,
}

#[derive(Debug, Clone)]
pub struct RawExpectation {
    /// The file the entry is written in: a competency's, or for a
    /// level-wide aspect the level's (issue 25).
    pub file: String,
    pub level: At<String>,
    pub items: Vec<RawItem>,
    /// Some items were written but are broken (already reported), so an
    /// empty `items` is not a second problem.
    pub broken: bool,
    /// Written as an explicit empty list (`sre-5: []`): the competency is
    /// not expected from this level on in its track (issue 25).
    pub ends: bool,
    /// The owners' note on this cell (`{ note, items }`), shown with it and
    /// never rated; alone, the lower level's items carry over beside it.
    pub note: Option<Md>,
}

/// One expected behaviour: a Markdown string, or a mapping
/// `{ text, examples }` (issue 21) whose examples belong to this item.
#[derive(Debug, Clone)]
pub struct RawItem {
    pub text: Md,
    pub examples: Vec<Md>,
}

#[derive(Debug, Clone)]
pub struct RawCompetency {
    pub file: String,
    pub id: At<String>,
    pub name: At<String>,
    /// Optional (issue 21): without it the competency joins the book's
    /// default area.
    pub area: Option<At<String>>,
    /// Display order within its area, lowest first; then by name.
    pub order: Option<At<i64>>,
    pub summary: Option<Md>,
    pub description: Option<Md>,
    pub expectations: Vec<RawExpectation>,
    /// Where `expectations:` is (or the top of the file when it is absent).
    pub expectations_pos: Pos,
}

#[derive(Debug, Clone)]
pub struct RawArchetype {
    pub file: String,
    pub id: At<String>,
    pub name: At<String>,
    pub tagline: Option<Md>,
    pub emphasis: Vec<(At<String>, At<i64>)>,
    pub levels: Vec<At<String>>,
    pub body: Md,
}

#[derive(Debug, Clone)]
pub struct RawScaleStep {
    pub id: At<String>,
    pub label: At<String>,
    pub value: At<i64>,
}

#[derive(Debug, Clone)]
pub struct RawDimension {
    pub competency: At<String>,
    pub meets: Option<Md>,
    pub exceeds: Option<Md>,
}

#[derive(Debug, Clone)]
pub struct RawInterview {
    pub id: At<String>,
    pub title: At<String>,
    pub minutes: Option<At<i64>>,
    pub brief: Option<Md>,
    pub focus: Vec<At<String>>,
    pub questions: Vec<Md>,
}

#[derive(Debug, Clone, Default)]
pub struct RawSignals {
    pub strong: Vec<Md>,
    pub weak: Vec<Md>,
    pub red_flags: Vec<Md>,
}

#[derive(Debug, Clone)]
pub struct RawScorecard {
    pub file: String,
    pub id: At<String>,
    pub title: At<String>,
    pub levels: Vec<At<String>>,
    pub archetype: Option<At<String>>,
    pub scale: Option<Vec<RawScaleStep>>,
    pub dimensions: Vec<RawDimension>,
    pub interviews: Vec<RawInterview>,
    pub signals: RawSignals,
}

#[derive(Debug, Clone)]
pub struct RawPage {
    pub file: String,
    /// Path below `pages/` without `.md`; `index` for the home page.
    pub path: String,
    pub title: Option<At<String>>,
    pub order: Option<At<i64>>,
    pub body: Md,
}

/// Every item of a book as written.
#[derive(Debug, Default)]
pub struct RawBook {
    /// `None` when `tracks.yaml` is absent (one implicit track). Present but
    /// empty when the file is broken; its problems are already reported.
    pub tracks: Option<(String, Vec<RawTrack>)>,
    /// `content/pay.yaml`, when the book has one and it is a mapping.
    pub pay: Option<crate::pay::PayFile>,
    /// Files whose item could not be decoded (already reported), by kind and
    /// stem: references to them are not reported a second time.
    pub undecoded: Vec<(Kind, String)>,
    pub levels: Vec<RawLevel>,
    pub competencies: Vec<RawCompetency>,
    pub archetypes: Vec<RawArchetype>,
    pub scorecards: Vec<RawScorecard>,
    /// Job postings (issue 23).
    pub roles: Vec<role::RawRole>,
    pub pages: Vec<RawPage>,
    pub index: Option<RawPage>,
}

/// Decodes every source file; problems go to `diagnostics`.
pub fn parse_sources(files: Vec<SourceFile>, diagnostics: &mut Diagnostics) -> RawBook {
    let mut book = RawBook::default();
    // Free pages are the bulk of a large book and independent of each other:
    // their front matter is decoded in parallel, each with its own report.
    let (pages, files): (Vec<SourceFile>, Vec<SourceFile>) =
        files.into_iter().partition(|f| f.kind == Kind::Page);
    let decoded: Vec<(Option<RawPage>, Diagnostics, String)> = pages
        .into_par_iter()
        .map(|source| {
            let mut page_diagnostics = Diagnostics::default();
            let mut decoder = Decoder {
                file: &source.file,
                diagnostics: &mut page_diagnostics,
            };
            let page = parse_markdown_file(&source, &mut decoder)
                .and_then(|(node, body)| decode_page(&node, body, &source, &mut decoder, true));
            (page, page_diagnostics, source.stem)
        })
        .collect();
    for (page, page_diagnostics, stem) in decoded {
        diagnostics.extend(page_diagnostics);
        match page {
            Some(page) => book.pages.push(page),
            None => book.undecoded.push((Kind::Page, stem)),
        }
    }
    // Structured files stay for `pin_markdown`.
    let mut structured = Vec::new();
    for owned in files {
        let source = &owned;
        let mut decoder = Decoder {
            file: &source.file,
            diagnostics,
        };
        let before = book.item_count();
        match source.kind {
            Kind::Tracks => {
                let tracks = parse_yaml_file(&source.text, &mut decoder)
                    .map(|node| decode_tracks(&node, &mut decoder))
                    .unwrap_or_default();
                book.tracks = Some((source.file.clone(), tracks));
                continue;
            }
            Kind::Pay => {
                book.pay = parse_yaml_file(&source.text, &mut decoder)
                    .and_then(|node| crate::pay::decode::decode_pay(&node, &mut decoder));
                continue;
            }
            Kind::Competency if !source.file.ends_with(".md") => {
                if let Some(node) = parse_yaml_file(&source.text, &mut decoder) {
                    book.competencies
                        .extend(decode_competency(&node, source, &mut decoder));
                }
            }
            Kind::Role => book.roles.extend(role::parse_role(source, &mut decoder)),
            Kind::Scorecard => {
                if let Some(node) = parse_yaml_file(&source.text, &mut decoder) {
                    book.scorecards
                        .extend(decode_scorecard(&node, source, &mut decoder));
                }
            }
            _ => {
                if let Some((node, body)) = parse_markdown_file(source, &mut decoder) {
                    match source.kind {
                        Kind::Level => {
                            book.levels
                                .extend(decode_level(&node, body, source, &mut decoder))
                        }
                        Kind::Competency => {
                            book.competencies
                                .extend(decode_competency(&node, source, &mut decoder))
                        }
                        Kind::Archetype => book.archetypes.extend(decode_archetype(
                            &node,
                            body,
                            source,
                            &mut decoder,
                        )),
                        Kind::Index => {
                            book.index = decode_page(&node, body, source, &mut decoder, false)
                        }
                        Kind::Tracks | Kind::Pay | Kind::Scorecard | Kind::Role | Kind::Page => {
                            unreachable!("YAML kinds, roles and pages are handled above")
                        }
                    }
                }
            }
        }
        if book.item_count() == before && source.kind != Kind::Index {
            book.undecoded.push((source.kind, source.stem.clone()));
        }
        structured.push(owned);
    }
    pin_markdown(&mut book, &structured);
    book
}

/// Marks the Markdown values that are written verbatim in their file as
/// line based, so a broken link inside one is reported where it is written;
/// the others (folded, quoted) keep the position of the value.
fn pin_markdown(book: &mut RawBook, files: &[SourceFile]) {
    // Each file's lines are indexed once: a competency file holds an item
    // per line, and finding each from the top was quadratic (issue 26).
    let texts: std::collections::HashMap<&str, LineIndex> = files
        .iter()
        .map(|f| (f.file.as_str(), LineIndex::new(&f.text)))
        .collect();
    let mut items: Vec<(&str, Vec<&mut Md>)> = Vec::new();
    if let Some((file, tracks)) = &mut book.tracks {
        items.push((
            file,
            tracks
                .iter_mut()
                .filter_map(|t| t.description.as_mut())
                .collect(),
        ));
    }
    for level in &mut book.levels {
        items.push((&level.file, level.summary.iter_mut().collect()));
    }
    for competency in &mut book.competencies {
        let mut mds: Vec<&mut Md> = competency.summary.iter_mut().collect();
        mds.extend(competency.description.as_mut());
        mds.extend(
            competency
                .expectations
                .iter_mut()
                .flat_map(|e| e.items.iter_mut())
                .flat_map(|item| std::iter::once(&mut item.text).chain(&mut item.examples)),
        );
        items.push((&competency.file, mds));
    }
    for archetype in &mut book.archetypes {
        items.push((&archetype.file, archetype.tagline.iter_mut().collect()));
    }
    for card in &mut book.scorecards {
        let mut mds: Vec<&mut Md> = Vec::new();
        for dimension in &mut card.dimensions {
            mds.extend(dimension.meets.as_mut());
            mds.extend(dimension.exceeds.as_mut());
        }
        for interview in &mut card.interviews {
            mds.extend(interview.brief.as_mut());
            mds.extend(interview.questions.iter_mut());
        }
        let signals = &mut card.signals;
        mds.extend(
            signals
                .strong
                .iter_mut()
                .chain(&mut signals.weak)
                .chain(&mut signals.red_flags),
        );
        items.push((&card.file, mds));
    }
    for (file, mds) in items {
        let Some(text) = texts.get(file) else {
            continue;
        };
        for md in mds {
            md.line_based = md.line_based || written_verbatim(text, &md.text, md.pos);
        }
    }
}

/// Whether `text` stands in `source` line for line from `pos`, every line
/// starting at column `pos.col` (blank lines may be shorter).
fn written_verbatim(source: &LineIndex, text: &str, pos: Pos) -> bool {
    let mut source_lines = source.from_line(pos.line).lines();
    let indent = (pos.col as usize).saturating_sub(1);
    text.trim_end_matches('\n').split('\n').all(|text_line| {
        let Some(source_line) = source_lines.next() else {
            return false;
        };
        let rest = match source_line.char_indices().nth(indent) {
            Some((index, _)) => &source_line[index..],
            None => "",
        };
        if text_line.is_empty() {
            rest.trim().is_empty()
        } else {
            rest.starts_with(text_line)
        }
    })
}

impl RawBook {
    fn item_count(&self) -> usize {
        self.levels.len()
            + self.competencies.len()
            + self.archetypes.len()
            + self.scorecards.len()
            + self.roles.len()
            + self.pages.len()
    }
}

fn parse_yaml_file(text: &str, decoder: &mut Decoder) -> Option<Node> {
    match crate::yaml::parse(text) {
        Ok(node) => Some(node),
        Err(err) => {
            decoder
                .error(
                    "yaml-syntax",
                    err.pos,
                    format!("invalid YAML: {}", err.message),
                )
                .help = Some(yaml_help(&err).into());
            None
        }
    }
}

fn yaml_help(err: &crate::yaml::YamlError) -> &'static str {
    let lower = err.message.to_ascii_lowercase();
    if err.limit {
        "the document is too deeply nested or expands too many aliases; write it out plainly"
    } else if err.tab {
        "tabs are not allowed in YAML indentation; indent with spaces"
    } else if lower.contains("duplicate") {
        "each key may appear once in a mapping; merge the two entries"
    } else {
        "check indentation and quote text that contains `: ` or starts with a special character"
    }
}

/// The fields a Markdown file of this kind cannot do without, for the hint
/// when its front matter is missing altogether (`None`: it is optional).
fn required_front_matter(kind: Kind) -> Option<(&'static str, &'static str)> {
    match kind {
        Kind::Level => Some(("a level", "title: ...\nrank: ...")),
        Kind::Competency => Some(("a competency", "name: ...\narea: ...\nexpectations: ...")),
        Kind::Archetype => Some(("an archetype", "name: ...")),
        Kind::Page => Some(("a page", "title: ...")),
        Kind::Role => Some(("a role", "title: ...\nlevel: ...")),
        Kind::Index | Kind::Tracks | Kind::Pay | Kind::Scorecard => None,
    }
}

/// Splits front matter and parses it; the body comes back with its line.
fn parse_markdown_file(source: &SourceFile, decoder: &mut Decoder) -> Option<(Node, Md)> {
    let split = match split_front_matter(&source.text) {
        Ok(split) => split,
        Err(FrontMatterError { pos, message, help }) => {
            decoder.error("front-matter", pos, message).help = Some(help);
            return None;
        }
    };
    let node = match split.yaml {
        None => {
            if let Some((what, fields)) = required_front_matter(source.kind) {
                let message = if source.text.trim().is_empty() {
                    format!("this file is empty; {what} needs front matter")
                } else {
                    format!("{what} needs front matter, and this file has none")
                };
                decoder
                    .error("missing-front-matter", Pos::new(1, 1), message)
                    .help = Some(format!(
                    "start the file with a line `---`, then `{}`, then a line `---`",
                    fields.replace('\n', "`, `")
                ));
                return None;
            }
            Node {
                pos: Pos::new(1, 1),
                kind: NodeKind::Map(Vec::new()),
            }
        }
        Some(yaml) => match crate::yaml::parse(yaml) {
            Ok(mut node) => {
                node.shift_lines(split.yaml_line_offset);
                if node.kind == NodeKind::Null {
                    node.kind = NodeKind::Map(Vec::new());
                    node.pos = Pos::new(1, 1);
                }
                node
            }
            Err(err) => {
                decoder
                    .error(
                        "yaml-syntax",
                        err.pos.shifted(split.yaml_line_offset),
                        format!("invalid YAML in front matter: {}", err.message),
                    )
                    .help = Some(yaml_help(&err).into());
                return None;
            }
        },
    };
    let body = Md {
        text: split.body.to_string(),
        pos: Pos::new(split.body_line, 1),
        line_based: true,
    };
    Some((node, body))
}

/// The item's id: its `id` field, else the file stem.
fn item_id(fields: &mut Fields, decoder: &mut Decoder, stem: &str) -> Option<At<String>> {
    match fields.get("id") {
        Some(node) => decoder.text(node, "id"),
        None => Some(At::new(stem.to_string(), Pos::new(1, 1))),
    }
}

fn markdown(decoder: &mut Decoder, node: &Node, what: &str) -> Option<Md> {
    decoder.text(node, what).map(|text| Md {
        text: text.value,
        pos: text.pos,
        line_based: false,
    })
}

fn markdown_list(decoder: &mut Decoder, node: &Node, what: &str, single_ok: bool) -> Vec<Md> {
    decoder
        .list(node, what, single_ok)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|item| markdown(decoder, item, what))
        .collect()
}

/// The items of one expectation entry: a string, a `{ text, examples }`
/// mapping, or a list of either.
fn expectation_items(decoder: &mut Decoder, node: &Node) -> Vec<RawItem> {
    let nodes = match node.kind {
        NodeKind::Map(_) => vec![node],
        _ => decoder
            .list(node, "an expectation", true)
            .unwrap_or_default(),
    };
    nodes
        .into_iter()
        .filter_map(|item| expectation_item(decoder, item))
        .collect()
}

fn expectation_item(decoder: &mut Decoder, node: &Node) -> Option<RawItem> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        return item_text(decoder, node, "an expectation").map(|text| RawItem {
            text,
            examples: Vec::new(),
        });
    }
    let what = "an expectation item";
    let mut fields = decoder.fields(node, what)?;
    let text = fields
        .require("text", what)
        .and_then(|text| item_text(decoder, text, "text"));
    let examples = fields
        .get("examples")
        .map(|list| {
            decoder
                .list(list, "examples", true)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|example| item_text(decoder, example, "an example"))
                .collect()
        })
        .unwrap_or_default();
    fields.finish(decoder, ITEM_FIELDS, what);
    Some(RawItem {
        text: text?,
        examples,
    })
}

/// The fields of an entry with an owners' note (issue 25).
pub const NOTED_ENTRY_FIELDS: &[&str] = &["note", "items"];

/// An entry written as `{ note, items }` (or `{ note }` alone): its note
/// and items. `None` when the entry is something else: a mapping with
/// `text` is one item, and anything not a mapping is items.
fn noted_entry(decoder: &mut Decoder, node: &Node) -> Option<(Option<Md>, Vec<RawItem>)> {
    let NodeKind::Map(entries) = &node.kind else {
        return None;
    };
    if entries.iter().any(|(key, _)| key.name == "text") {
        return None;
    }
    let what = "an entry with a note";
    let before = decoder.diagnostics.error_count();
    let mut fields = decoder.fields(node, what)?;
    let note = fields
        .get("note")
        .and_then(|n| item_text(decoder, n, "note"));
    let items = fields
        .get("items")
        .map(|items| expectation_items(decoder, items))
        .unwrap_or_default();
    if note.is_none() && items.is_empty() && decoder.diagnostics.error_count() == before {
        decoder
            .error(
                "missing-field",
                node.pos,
                "an entry written as a mapping needs `text` (one item) or `note`",
            )
            .help = Some(
            "write `text: ...` for one item, or `note: ...` (and optionally `items: [...]`)".into(),
        );
    }
    fields.finish(decoder, NOTED_ENTRY_FIELDS, what);
    Some((note, items))
}

/// An item's (or an example's) text. An empty or blank one (`""`, `"  "`,
/// a bare `- `) would render as an empty bullet that people are asked to
/// rate: `empty-item` at its place (issue 25).
fn item_text(decoder: &mut Decoder, node: &Node, what: &str) -> Option<Md> {
    let blank = match &node.kind {
        NodeKind::Null => true,
        NodeKind::Str(text) => text.trim().is_empty(),
        _ => false,
    };
    if blank {
        decoder
            .error("empty-item", node.pos, format!("{what} is empty"))
            .help = Some("write the expected behaviour, or remove the empty entry".into());
        return None;
    }
    markdown(decoder, node, what)
}

fn optional_text(fields: &mut Fields, decoder: &mut Decoder, name: &str) -> Option<At<String>> {
    fields.get(name).and_then(|node| decoder.text(node, name))
}

fn optional_markdown(fields: &mut Fields, decoder: &mut Decoder, name: &str) -> Option<Md> {
    fields
        .get(name)
        .and_then(|node| markdown(decoder, node, name))
}

fn required_text(
    fields: &mut Fields,
    decoder: &mut Decoder,
    name: &str,
    what: &str,
) -> Option<At<String>> {
    let node = fields.require(name, what)?;
    let text = decoder.text(node, name)?;
    if text.value.trim().is_empty() {
        decoder.error("empty-field", text.pos, format!("`{name}` is empty"));
        return None;
    }
    Some(text)
}

fn id_list(fields: &mut Fields, decoder: &mut Decoder, name: &str) -> Vec<At<String>> {
    fields
        .get(name)
        .and_then(|node| decoder.text_list(node, name, true))
        .unwrap_or_default()
}

fn decode_tracks(node: &Node, decoder: &mut Decoder) -> Vec<RawTrack> {
    if node.kind == NodeKind::Null || node.kind == NodeKind::Seq(Vec::new()) {
        decoder
            .error("empty-field", node.pos, "tracks.yaml lists no tracks")
            .help = Some(
            "list at least one `- id: ...` entry, or delete the file for one implicit track".into(),
        );
        return Vec::new();
    }
    let Some(items) = decoder.list(node, "tracks.yaml", false) else {
        return Vec::new();
    };
    let mut tracks = Vec::new();
    for item in items {
        let Some(mut fields) = decoder.fields(item, "a track") else {
            continue;
        };
        let id = required_text(&mut fields, decoder, "id", "a track");
        let name = required_text(&mut fields, decoder, "name", "a track");
        let description = optional_markdown(&mut fields, decoder, "description");
        fields.finish(decoder, TRACK_FIELDS, "a track");
        if let (Some(id), Some(name)) = (id, name) {
            tracks.push(RawTrack {
                id,
                name,
                description,
            });
        }
    }
    tracks
}

// The fields each kind allows. `schema.rs` describes the same fields for
// editors, and its tests check that the two lists never drift apart.

/// The fields of one entry of `tracks.yaml`.
pub const TRACK_FIELDS: &[&str] = &["id", "name", "description"];

/// The front matter fields of `levels/<id>.md`.
pub const LEVEL_FIELDS: &[&str] = &[
    "id",
    "title",
    "code",
    "track",
    "rank",
    "summary",
    "years",
    "equivalent",
    "expectations",
];

fn decode_level(
    node: &Node,
    body: Md,
    source: &SourceFile,
    decoder: &mut Decoder,
) -> Option<RawLevel> {
    let mut fields = decoder.fields(node, "a level's front matter")?;
    let fields_pos = fields.pos;
    let id = item_id(&mut fields, decoder, &source.stem);
    let title = required_text(&mut fields, decoder, "title", "a level");
    let rank = fields
        .require("rank", "a level")
        .and_then(|node| decoder.integer(node, "rank"));
    let code = optional_text(&mut fields, decoder, "code");
    let track = optional_text(&mut fields, decoder, "track");
    let summary = optional_markdown(&mut fields, decoder, "summary");
    let years = optional_text(&mut fields, decoder, "years");
    let equivalent = optional_text(&mut fields, decoder, "equivalent");
    let expectations = fields
        .get("expectations")
        .map(|node| expectation_entries(decoder, node, &source.file))
        .unwrap_or_default();
    fields.finish(decoder, LEVEL_FIELDS, "a level");
    Some(RawLevel {
        file: source.file.clone(),
        pos: fields_pos,
        id: id?,
        title: title?,
        code,
        track,
        rank: rank?,
        summary,
        years,
        equivalent,
        expectations,
        body,
    })
}

/// The fields of `competencies/<id>.yaml` (or its front matter).
pub const COMPETENCY_FIELDS: &[&str] = &[
    "id",
    "name",
    "area",
    "order",
    "summary",
    "description",
    "expectations",
];

/// The fields of an expectation item written as a mapping.
pub const ITEM_FIELDS: &[&str] = &["text", "examples"];

/// The entries of an `expectations:` mapping, keyed by level ids (a
/// competency) or aspect ids (a level): items, `[]`, or `{ note, items }`.
fn expectation_entries(decoder: &mut Decoder, node: &Node, file: &str) -> Vec<RawExpectation> {
    let mut expectations = Vec::new();
    for (key, value) in decoder.entries(node, "expectations").unwrap_or_default() {
        let before = decoder.diagnostics.error_count();
        let ends = matches!(&value.kind, NodeKind::Seq(items) if items.is_empty());
        let (note, items) = match noted_entry(decoder, value) {
            Some(noted) => noted,
            None => (None, expectation_items(decoder, value)),
        };
        expectations.push(RawExpectation {
            file: file.to_string(),
            level: At::new(key.name.clone(), key.pos),
            items,
            broken: decoder.diagnostics.error_count() > before,
            ends,
            note,
        });
    }
    expectations
}

fn decode_competency(
    node: &Node,
    source: &SourceFile,
    decoder: &mut Decoder,
) -> Option<RawCompetency> {
    let mut fields = decoder.fields(node, "a competency")?;
    let id = item_id(&mut fields, decoder, &source.stem);
    let name = required_text(&mut fields, decoder, "name", "a competency");
    let area = optional_text(&mut fields, decoder, "area");
    if let Some(area) = area.as_ref().filter(|area| area.value.trim().is_empty()) {
        decoder
            .error("empty-field", area.pos, "`area` is empty")
            .help = Some("name the area, or remove the line to put it in the default area".into());
    }
    let order = fields
        .get("order")
        .and_then(|node| decoder.integer(node, "order"));
    let summary = optional_markdown(&mut fields, decoder, "summary");
    let description = optional_markdown(&mut fields, decoder, "description");
    let mut expectations = Vec::new();
    let mut expectations_pos = Pos::new(1, 1);
    if let Some((key, node)) = fields.get_entry("expectations") {
        expectations_pos = key.pos;
        expectations = expectation_entries(decoder, node, &source.file);
    }
    fields.finish(decoder, COMPETENCY_FIELDS, "a competency");
    Some(RawCompetency {
        file: source.file.clone(),
        id: id?,
        name: name?,
        area: area.filter(|area| !area.value.trim().is_empty()),
        order,
        summary,
        description,
        expectations,
        expectations_pos,
    })
}

/// The front matter fields of `archetypes/<id>.md`.
pub const ARCHETYPE_FIELDS: &[&str] = &["id", "name", "tagline", "emphasis", "levels"];

fn decode_archetype(
    node: &Node,
    body: Md,
    source: &SourceFile,
    decoder: &mut Decoder,
) -> Option<RawArchetype> {
    let mut fields = decoder.fields(node, "an archetype's front matter")?;
    let id = item_id(&mut fields, decoder, &source.stem);
    let name = required_text(&mut fields, decoder, "name", "an archetype");
    let tagline = optional_markdown(&mut fields, decoder, "tagline");
    let mut emphasis = Vec::new();
    if let Some(node) = fields.get("emphasis") {
        for (competency, weight) in decoder.entries(node, "emphasis").unwrap_or_default() {
            if let Some(weight) = decoder.integer(weight, "an emphasis weight") {
                emphasis.push((At::new(competency.name.clone(), competency.pos), weight));
            }
        }
    }
    let levels = id_list(&mut fields, decoder, "levels");
    fields.finish(decoder, ARCHETYPE_FIELDS, "an archetype");
    Some(RawArchetype {
        file: source.file.clone(),
        id: id?,
        name: name?,
        tagline,
        emphasis,
        levels,
        body,
    })
}

/// The fields of `scorecards/<id>.yaml`.
pub const SCORECARD_FIELDS: &[&str] = &[
    "id",
    "title",
    "levels",
    "archetype",
    "scale",
    "dimensions",
    "interviews",
    "signals",
];

fn decode_scorecard(
    node: &Node,
    source: &SourceFile,
    decoder: &mut Decoder,
) -> Option<RawScorecard> {
    let mut fields = decoder.fields(node, "a scorecard")?;
    let id = item_id(&mut fields, decoder, &source.stem);
    let title = required_text(&mut fields, decoder, "title", "a scorecard");
    let levels_node = fields.require("levels", "a scorecard");
    let levels = levels_node.and_then(|node| decoder.text_list(node, "levels", true));
    if let (Some(node), Some(levels)) = (levels_node, &levels)
        && levels.is_empty()
    {
        decoder.error(
            "empty-field",
            node.pos,
            "a scorecard must name at least one level in `levels`",
        );
    }
    let archetype = optional_text(&mut fields, decoder, "archetype");
    let scale = fields.get("scale").map(|node| decode_scale(node, decoder));
    let dimensions = fields
        .require("dimensions", "a scorecard")
        .map(|node| decode_dimensions(node, decoder));
    let interviews = fields
        .require("interviews", "a scorecard")
        .map(|node| decode_interviews(node, decoder));
    let signals = fields
        .get("signals")
        .map(|node| decode_signals(node, decoder))
        .unwrap_or_default();
    fields.finish(decoder, SCORECARD_FIELDS, "a scorecard");
    Some(RawScorecard {
        file: source.file.clone(),
        id: id?,
        title: title?,
        levels: levels?,
        archetype,
        scale,
        dimensions: dimensions?,
        interviews: interviews?,
        signals,
    })
}

fn decode_scale(node: &Node, decoder: &mut Decoder) -> Vec<RawScaleStep> {
    let items = decoder.list(node, "scale", false).unwrap_or_default();
    if items.is_empty() {
        decoder.error("empty-field", node.pos, "`scale` needs at least two steps");
    }
    let mut steps = Vec::new();
    for item in items {
        let Some(mut fields) = decoder.fields(item, "a scale step") else {
            continue;
        };
        let id = required_text(&mut fields, decoder, "id", "a scale step");
        let label = required_text(&mut fields, decoder, "label", "a scale step");
        let value = fields
            .require("value", "a scale step")
            .and_then(|node| decoder.integer(node, "value"));
        fields.finish(decoder, SCALE_STEP_FIELDS, "a scale step");
        if let (Some(id), Some(label), Some(value)) = (id, label, value) {
            steps.push(RawScaleStep { id, label, value });
        }
    }
    steps
}

fn decode_dimensions(node: &Node, decoder: &mut Decoder) -> Vec<RawDimension> {
    let items = decoder.list(node, "dimensions", false).unwrap_or_default();
    if items.is_empty() && matches!(node.kind, NodeKind::Seq(_) | NodeKind::Null) {
        decoder.error(
            "empty-field",
            node.pos,
            "a scorecard needs at least one dimension",
        );
    }
    let mut dimensions = Vec::new();
    for item in items {
        let Some(mut fields) = decoder.fields(item, "a dimension") else {
            continue;
        };
        let competency = required_text(&mut fields, decoder, "competency", "a dimension");
        let meets = optional_markdown(&mut fields, decoder, "meets");
        let exceeds = optional_markdown(&mut fields, decoder, "exceeds");
        fields.finish(decoder, DIMENSION_FIELDS, "a dimension");
        if let Some(competency) = competency {
            dimensions.push(RawDimension {
                competency,
                meets,
                exceeds,
            });
        }
    }
    dimensions
}

/// The fields of one step of a scorecard's `scale`.
pub const SCALE_STEP_FIELDS: &[&str] = &["id", "label", "value"];

/// The fields of one of a scorecard's `dimensions`.
pub const DIMENSION_FIELDS: &[&str] = &["competency", "meets", "exceeds"];

/// The fields of one of a scorecard's `interviews`.
pub const INTERVIEW_FIELDS: &[&str] = &["id", "title", "minutes", "brief", "focus", "questions"];

fn decode_interviews(node: &Node, decoder: &mut Decoder) -> Vec<RawInterview> {
    let items = decoder.list(node, "interviews", false).unwrap_or_default();
    if items.is_empty() && matches!(node.kind, NodeKind::Seq(_) | NodeKind::Null) {
        decoder.error(
            "empty-field",
            node.pos,
            "a scorecard needs at least one interview",
        );
    }
    let mut interviews = Vec::new();
    for item in items {
        let Some(mut fields) = decoder.fields(item, "an interview") else {
            continue;
        };
        let id = required_text(&mut fields, decoder, "id", "an interview");
        let title = required_text(&mut fields, decoder, "title", "an interview");
        let minutes = fields
            .get("minutes")
            .and_then(|node| decoder.integer(node, "minutes"));
        let brief = optional_markdown(&mut fields, decoder, "brief");
        let focus = id_list(&mut fields, decoder, "focus");
        let questions = fields
            .get("questions")
            .map(|node| markdown_list(decoder, node, "a question", false))
            .unwrap_or_default();
        fields.finish(decoder, INTERVIEW_FIELDS, "an interview");
        if let (Some(id), Some(title)) = (id, title) {
            interviews.push(RawInterview {
                id,
                title,
                minutes,
                brief,
                focus,
                questions,
            });
        }
    }
    interviews
}

/// The fields of a scorecard's `signals`.
pub const SIGNALS_FIELDS: &[&str] = &["strong", "weak", "red-flags"];

fn decode_signals(node: &Node, decoder: &mut Decoder) -> RawSignals {
    let mut signals = RawSignals::default();
    let Some(mut fields) = decoder.fields(node, "signals") else {
        return signals;
    };
    for (name, slot) in [
        ("strong", &mut signals.strong),
        ("weak", &mut signals.weak),
        ("red-flags", &mut signals.red_flags),
    ] {
        if let Some(node) = fields.get(name) {
            *slot = markdown_list(decoder, node, name, true);
        }
    }
    fields.finish(decoder, SIGNALS_FIELDS, "signals");
    signals
}

/// The front matter fields of `pages/**/*.md` and `index.md`.
pub const PAGE_FIELDS: &[&str] = &["title", "order"];

fn decode_page(
    node: &Node,
    body: Md,
    source: &SourceFile,
    decoder: &mut Decoder,
    title_required: bool,
) -> Option<RawPage> {
    let mut fields = decoder.fields(node, "a page's front matter")?;
    let title = if title_required {
        required_text(&mut fields, decoder, "title", "a page")
    } else {
        optional_text(&mut fields, decoder, "title")
    };
    let order = fields
        .get("order")
        .and_then(|node| decoder.integer(node, "order"));
    fields.finish(decoder, PAGE_FIELDS, "a page");
    if title_required && title.is_none() {
        return None;
    }
    Some(RawPage {
        file: source.file.clone(),
        path: source.stem.clone(),
        title,
        order,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_values_are_found_line_for_line() {
        let source = &LineIndex::new(
            "a: one line\nb: |\n  first\n\n  third [x](@/y)\nc: folded\n  text\nd: \"quoted\"\n",
        );
        assert!(written_verbatim(source, "one line", Pos::new(1, 4)));
        assert!(written_verbatim(
            source,
            "first\n\nthird [x](@/y)\n",
            Pos::new(3, 3)
        ));
        assert!(!written_verbatim(source, "folded text", Pos::new(6, 4)));
        assert!(!written_verbatim(source, "quoted", Pos::new(8, 4)));
        assert!(!written_verbatim(source, "past the end", Pos::new(40, 1)));
    }
}
