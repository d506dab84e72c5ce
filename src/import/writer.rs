//! The one writer of `import`: a [`Draft`] from any reader → the files of a
//! new book. Every YAML value is written plainly where YAML reads it back as
//! the same string, and quoted otherwise, so the book holds exactly the
//! source's text.

use crate::import::cell::CellItem;
use crate::import::draft::{Competency, DEFAULT_TRACK, Draft, Guide, Level, capitalised};
use crate::node::NodeKind;
use crate::scaffold::NewFile;

/// The order of areas: each level's rows list its areas in the book's
/// order, so merging those runs (first seen first where they do not say)
/// gives back the order of `[ladder] areas`.
fn area_order(ladder: &Draft) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    for competency in &ladder.competencies {
        // A competency without an area joins the default group.
        if !competency.area.is_empty() && !areas.contains(&competency.area) {
            areas.push(competency.area.clone());
        }
    }
    merge_runs(areas, &ladder.area_runs)
}

/// The order of competencies (`order:`), merged the same way from each
/// level's rows, so a competency that starts at a higher level keeps its
/// place among the others.
fn competency_order(ladder: &Draft) -> Vec<String> {
    let ids = ladder.competencies.iter().map(|c| c.id.clone()).collect();
    merge_runs(ids, &ladder.competency_runs)
}

/// The aspects' names in the order of the levels' rows, merged like the
/// competencies' (`[ladder] aspects`).
fn aspect_order(ladder: &Draft) -> Vec<String> {
    let names = |runs: &[Vec<String>]| -> Vec<Vec<String>> {
        runs.iter()
            .map(|run| {
                run.iter()
                    .filter_map(|id| {
                        ladder
                            .competencies
                            .iter()
                            .find(|c| c.level_wide && c.id == *id)
                    })
                    .map(|c| c.name.clone())
                    .collect()
            })
            .collect()
    };
    merge_runs(ladder.aspects.clone(), &names(&ladder.competency_runs))
}

/// `items` in an order every run agrees with where it can: repeatedly the
/// first item that no remaining item must precede in some run.
fn merge_runs(items: Vec<String>, runs: &[Vec<String>]) -> Vec<String> {
    let mut ordered: Vec<String> = Vec::new();
    let mut remaining = items;
    while !remaining.is_empty() {
        let next = remaining
            .iter()
            .position(|candidate| {
                !runs.iter().any(|run| {
                    let Some(at) = run.iter().position(|a| a == candidate) else {
                        return false;
                    };
                    run[..at].iter().any(|before| remaining.contains(before))
                })
            })
            .unwrap_or(0); // runs that contradict each other: first seen wins
        ordered.push(remaining.remove(next));
    }
    ordered
}

/// The files of the book: `book.toml`, `tracks.yaml` unless the ladder is
/// the one implicit track, then levels by track and rank, then competencies
/// with their own entries in the same level order.
pub(super) fn render_book(ladder: &Draft, title: &str) -> Vec<NewFile> {
    let mut files = vec![NewFile::text(
        "book.toml",
        render_config(title, &area_order(ladder), ladder),
    )];
    let several_tracks = ladder.tracks.len() > 1 || ladder.tracks[..] != [DEFAULT_TRACK];
    if several_tracks {
        files.push(NewFile::text("content/tracks.yaml", render_tracks(ladder)));
    }
    let mut levels: Vec<&Level> = ladder.levels.iter().collect();
    levels.sort_by_key(|l| {
        let track = ladder.tracks.iter().position(|t| *t == l.track);
        (track, l.rank)
    });
    let aspects: Vec<&Competency> = aspect_order(ladder)
        .iter()
        .filter_map(|name| {
            ladder
                .competencies
                .iter()
                .find(|c| c.level_wide && c.name == *name)
        })
        .collect();
    for level in &levels {
        files.push(NewFile::text(
            format!("content/levels/{}.md", level.id),
            render_level(level, several_tracks, &aspects),
        ));
    }
    // `order:` keeps the sheet's order of competencies (issue 21).
    let order = competency_order(ladder);
    for competency in ladder.competencies.iter().filter(|c| !c.level_wide) {
        let place = order
            .iter()
            .position(|id| *id == competency.id)
            .map_or(0, |p| p + 1);
        files.push(NewFile::text(
            format!("content/competencies/{}.yaml", competency.id),
            render_competency(competency, place, &levels),
        ));
    }
    for guide in &ladder.guides {
        files.push(NewFile::text(
            format!("content/pages/{}.md", guide.path),
            render_guide(guide),
        ));
    }
    files
}

fn render_config(title: &str, areas: &[String], ladder: &Draft) -> String {
    let cumulative = ladder.cumulative;
    let mut out = format!("[book]\ntitle = {}\n", toml_string(title));
    if areas.is_empty() && !cumulative && ladder.aspects.is_empty() {
        return out;
    }
    out.push_str("\n[ladder]\n");
    if cumulative {
        out.push_str("expectations = \"cumulative\"\n");
    }
    if !areas.is_empty() {
        let quoted: Vec<String> = areas.iter().map(|a| toml_string(a)).collect();
        out.push_str(&format!("areas = [{}]\n", quoted.join(", ")));
    }
    if !ladder.aspects.is_empty() {
        let quoted: Vec<String> = aspect_order(ladder)
            .iter()
            .map(|a| toml_string(a))
            .collect();
        out.push_str(&format!("aspects = [{}]\n", quoted.join(", ")));
    }
    out
}

fn render_guide(guide: &Guide) -> String {
    format!(
        "---\ntitle: {}\n---\n{}\n",
        yaml_line(&guide.title),
        guide.body.trim_end()
    )
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn render_tracks(ladder: &Draft) -> String {
    let mut out = String::new();
    for track in &ladder.tracks {
        let name = match ladder.track_names.get(track) {
            Some(name) => name.clone(),
            None => track_name(track),
        };
        out.push_str(&format!("- id: {track}\n  name: {}\n", yaml_line(&name)));
    }
    out
}

/// A readable name for a track id: `individual-contributor` →
/// `Individual contributor`, a short one as an acronym: `ic` → `IC`.
fn track_name(id: &str) -> String {
    if id.len() <= 3 && !id.contains('-') {
        return id.to_uppercase();
    }
    capitalised(&id.replace('-', " "))
}

fn render_level(level: &Level, with_track: bool, aspects: &[&Competency]) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml_line(&level.title)));
    if !level.code.is_empty() {
        out.push_str(&format!("code: {}\n", yaml_line(&level.code)));
    }
    if with_track {
        out.push_str(&format!("track: {}\n", level.track));
    }
    out.push_str(&format!("rank: {}\n", level.rank));
    if !level.years.is_empty() {
        out.push_str(&format!("years: {}\n", quoted(&level.years)));
    }
    if !level.summary.is_empty() {
        out.push_str(&format!("summary: {}\n", yaml_line(&level.summary)));
    }
    let entries: String = aspects
        .iter()
        .map(|aspect| render_entry(aspect, &crate::config::aspect_id(&aspect.name), &level.id))
        .collect();
    if !entries.is_empty() {
        out.push_str("expectations:\n");
        out.push_str(&entries);
    }
    out.push_str("---\n");
    if !level.narrative.trim().is_empty() {
        out.push_str(level.narrative.trim_end());
        out.push('\n');
    }
    out
}

fn render_competency(competency: &Competency, order: usize, levels: &[&Level]) -> String {
    let mut out = format!("name: {}\n", yaml_line(&competency.name));
    if !competency.area.is_empty() {
        out.push_str(&format!("area: {}\n", yaml_line(&competency.area)));
    }
    out.push_str(&format!("order: {order}\nexpectations:\n"));
    for level in levels {
        out.push_str(&render_entry(competency, &level.id, &level.id));
    }
    out
}

/// The entry of `competency` at `level` under `key` in an `expectations:`
/// mapping: its items, or `{ note, items }` (a note alone carries the
/// lower level's items over); nothing when the level has neither.
fn render_entry(competency: &Competency, key: &str, level: &str) -> String {
    let items = competency.items.get(level).map_or(&[][..], Vec::as_slice);
    let note = competency.notes.get(level);
    let mut out = String::new();
    if competency.ends.iter().any(|end| end == level) {
        out.push_str(&format!("  {key}: []\n"));
        return out;
    }
    match (note, items) {
        (None, []) => {}
        (None, [one]) if one.examples.is_empty() => {
            out.push_str(&format!("  {key}: {}\n", yaml_value(&one.text, 4)));
        }
        (None, _) => {
            out.push_str(&format!("  {key}:\n"));
            for item in items {
                out.push_str(&render_item(item, 4));
            }
        }
        (Some(note), _) => {
            out.push_str(&format!("  {key}:\n    note: {}\n", yaml_value(note, 6)));
            if !items.is_empty() {
                out.push_str("    items:\n");
                for item in items {
                    out.push_str(&render_item(item, 6));
                }
            }
        }
    }
    out
}

/// One list entry at `indent` spaces: the item's text, or a `text` /
/// `examples` mapping.
fn render_item(item: &CellItem, indent: usize) -> String {
    let pad = " ".repeat(indent);
    if item.examples.is_empty() {
        return format!("{pad}- {}\n", yaml_value(&item.text, indent + 2));
    }
    let mut out = format!(
        "{pad}- text: {}\n{pad}  examples:\n",
        yaml_value(&item.text, indent + 4)
    );
    for example in &item.examples {
        out.push_str(&format!("{pad}    - {}\n", yaml_value(example, indent + 6)));
    }
    out
}

/// A one-line value: plain when YAML reads it back as the same string,
/// else double-quoted (JSON's escapes are valid YAML).
fn yaml_line(text: &str) -> String {
    let plain = surely_plain(text)
        || (!text.contains('\n')
            && !surely_not_plain(text)
            && reads_back(&format!("k: {text}\n"), text));
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Any value at a mapping or list entry whose block content is indented by
/// `indent` spaces: plain, a literal block for several lines, or quoted;
/// each form is used only when YAML reads it back as the same string.
fn yaml_value(text: &str, indent: usize) -> String {
    if !text.contains('\n') {
        return yaml_line(text);
    }
    let chomp = if !text.ends_with('\n') {
        "-"
    } else if text.ends_with("\n\n") {
        "+"
    } else {
        ""
    };
    let body = text.strip_suffix('\n').unwrap_or(text);
    let indent_indicator = if body.starts_with([' ', '\t']) {
        "2"
    } else {
        ""
    };
    let block = |pad: &str| -> String {
        let mut out = format!("|{indent_indicator}{chomp}");
        for line in body.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(pad);
                out.push_str(line);
            }
        }
        out
    };
    if reads_back(&format!("k: {}\n", block("  ")), text) {
        block(&" ".repeat(indent))
    } else {
        quoted(text)
    }
}

/// Text YAML certainly reads back as itself when written plainly: it
/// starts with a letter, holds only letters, digits, spaces and `,.-()'/`,
/// and is no YAML keyword. Saves parsing a YAML document per value, which
/// was most of the time of a large import (issue 26's benchmark row).
fn surely_plain(text: &str) -> bool {
    const KEYWORDS: [&str; 14] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
        "none", "nil",
    ];
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | ',' | '.' | '-' | '(' | ')' | '\'' | '/')
        })
        && !KEYWORDS.contains(&text.to_ascii_lowercase().as_str())
}

/// Text YAML certainly does not read back as itself when written plainly:
/// empty, white space around it (trimmed), `#` at its start or after a space
/// (a comment), or `: ` or a last `:` (a mapping). Criteria such as
/// `Scope: the team` are common, and parsing a document only to see it
/// fail cost a tenth of a large import (issue 26's benchmark row).
fn surely_not_plain(text: &str) -> bool {
    let space = |c: char| c == ' ' || c == '\t';
    text.is_empty()
        || text.starts_with(space)
        || text.ends_with(space)
        || text.starts_with('#')
        || text.ends_with(':')
        || text.contains(": ")
        || text.contains(":\t")
        || text.contains(" #")
        || text.contains("\t#")
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// Whether the one-entry document `k: ...` holds exactly `expected`.
fn reads_back(document: &str, expected: &str) -> bool {
    let Ok(node) = crate::yaml::parse(document) else {
        return false;
    };
    match node.kind {
        NodeKind::Map(entries) => matches!(
            &entries[..],
            [(key, value)] if key.name == "k" && value.kind == NodeKind::Str(expected.to_string())
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_yaml_would_misread_are_quoted() {
        assert_eq!(yaml_line("Plain words"), "Plain words");
        for plain in ["Ships it, with care (mostly).", "A/B tests", "Don't"] {
            assert!(surely_plain(plain), "{plain}");
            assert!(reads_back(&format!("k: {plain}\n"), plain), "{plain}");
        }
        for keyword in ["Yes", "NULL", "off"] {
            assert!(!surely_plain(keyword), "{keyword}");
        }
        for tricky in [
            "true", "3", "null", "a: b", "# no", "- item", "[x]", " lead", "'q",
        ] {
            assert_eq!(yaml_line(tricky), quoted(tricky), "{tricky}");
        }
        for not_plain in [
            "",
            " lead",
            "trail ",
            "\tx",
            "# no",
            "a #b",
            "a\t#b",
            "Scope: the team",
            "a:\tb",
            "ends:",
            "a: b: c",
        ] {
            assert!(surely_not_plain(not_plain), "{not_plain:?}");
            assert!(
                !reads_back(&format!("k: {not_plain}\n"), not_plain),
                "{not_plain:?}"
            );
            assert_eq!(yaml_line(not_plain), quoted(not_plain), "{not_plain:?}");
        }
        for maybe_plain in ["a:b", "a#b", "http://x.org/#top", "C# and F#", "50%"] {
            assert!(!surely_not_plain(maybe_plain), "{maybe_plain:?}");
            assert_eq!(yaml_line(maybe_plain), maybe_plain, "{maybe_plain:?}");
        }
        assert_eq!(yaml_value("a\nb\n", 4), "|\n    a\n    b");
        assert_eq!(yaml_value("  code\nx", 4), "|2-\n      code\n    x");
    }
}
