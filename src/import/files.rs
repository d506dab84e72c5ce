//! The ladder read from a CSV ([`Ladder`]) → the files of a new book.
//! Every YAML value is written plainly where YAML reads it back as the same
//! string, and quoted otherwise, so the book holds exactly the CSV's text.

use crate::import::{Competency, DEFAULT_TRACK, Ladder, Level};
use crate::node::NodeKind;
use crate::scaffold::NewFile;

/// The order of areas: each level's rows list its areas in the book's
/// order, so merging those runs (first seen first where they do not say)
/// gives back the order of `[ladder] areas`.
fn area_order(ladder: &Ladder) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    for competency in &ladder.competencies {
        if !areas.contains(&competency.area) {
            areas.push(competency.area.clone());
        }
    }
    let mut ordered: Vec<String> = Vec::new();
    let mut remaining = areas;
    while !remaining.is_empty() {
        // The first area that no remaining area must precede in some run.
        let next = remaining
            .iter()
            .position(|candidate| {
                !ladder.area_runs.iter().any(|run| {
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
pub(super) fn render_book(ladder: &Ladder, title: &str) -> Vec<NewFile> {
    let mut files = vec![NewFile::text(
        "book.toml",
        render_config(title, &area_order(ladder)),
    )];
    let several_tracks = ladder.tracks.len() > 1 || ladder.tracks[..] != [DEFAULT_TRACK];
    if several_tracks {
        files.push(NewFile::text(
            "content/tracks.yaml",
            render_tracks(&ladder.tracks),
        ));
    }
    let mut levels: Vec<&Level> = ladder.levels.iter().collect();
    levels.sort_by_key(|l| {
        let track = ladder.tracks.iter().position(|t| *t == l.track);
        (track, l.rank)
    });
    for level in &levels {
        files.push(NewFile::text(
            format!("content/levels/{}.md", level.id),
            render_level(level, several_tracks),
        ));
    }
    for competency in &ladder.competencies {
        files.push(NewFile::text(
            format!("content/competencies/{}.yaml", competency.id),
            render_competency(competency, &levels),
        ));
    }
    files
}

fn render_config(title: &str, areas: &[String]) -> String {
    let quoted: Vec<String> = areas.iter().map(|a| toml_string(a)).collect();
    format!(
        "[book]\ntitle = {}\n\n[ladder]\nareas = [{}]\n",
        toml_string(title),
        quoted.join(", ")
    )
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn render_tracks(tracks: &[String]) -> String {
    let mut out = String::new();
    for track in tracks {
        out.push_str(&format!(
            "- id: {track}\n  name: {}\n",
            yaml_line(&track_name(track))
        ));
    }
    out
}

/// A readable name for a track id: `individual-contributor` →
/// `Individual contributor`, a short one as an acronym: `ic` → `IC`.
fn track_name(id: &str) -> String {
    if id.len() <= 3 && !id.contains('-') {
        return id.to_uppercase();
    }
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn render_level(level: &Level, with_track: bool) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml_line(&level.title)));
    if !level.code.is_empty() {
        out.push_str(&format!("code: {}\n", yaml_line(&level.code)));
    }
    if with_track {
        out.push_str(&format!("track: {}\n", level.track));
    }
    out.push_str(&format!("rank: {}\n---\n", level.rank));
    out
}

fn render_competency(competency: &Competency, levels: &[&Level]) -> String {
    let mut out = format!(
        "name: {}\narea: {}\nexpectations:\n",
        yaml_line(&competency.name),
        yaml_line(&competency.area)
    );
    for level in levels {
        let Some(text) = competency.own.get(&level.id) else {
            continue;
        };
        match split_items(text) {
            Some(items) => {
                out.push_str(&format!("  {}:\n", level.id));
                for item in items {
                    out.push_str(&format!("    - {}\n", yaml_value(item, 6)));
                }
            }
            None => out.push_str(&format!("  {}: {}\n", level.id, yaml_value(text, 4))),
        }
    }
    out
}

/// The items of a cell (export joins them with line breaks), or `None` when
/// the cell is one Markdown text: one line, or a text with blank or
/// indented lines (paragraphs, nested lists) that are not separate items.
fn split_items(text: &str) -> Option<Vec<&str>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let separate = lines.len() > 1
        && lines
            .iter()
            .all(|l| !l.trim().is_empty() && !l.starts_with([' ', '\t']));
    separate.then_some(lines)
}

/// A one-line value: plain when YAML reads it back as the same string,
/// else double-quoted (JSON's escapes are valid YAML).
fn yaml_line(text: &str) -> String {
    let plain = !text.contains('\n') && reads_back(&format!("k: {text}\n"), text);
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
        for tricky in [
            "true", "3", "null", "a: b", "# no", "- item", "[x]", " lead", "'q",
        ] {
            assert_eq!(yaml_line(tricky), quoted(tricky), "{tricky}");
        }
        assert_eq!(yaml_value("a\nb\n", 4), "|\n    a\n    b");
        assert_eq!(yaml_value("  code\nx", 4), "|2-\n      code\n    x");
    }
}
