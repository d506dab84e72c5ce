//! The reader of `import --from progression-framework`: the Markdown files
//! of a Monzo-style progression-framework repository (YAML front matter with
//! `topics`, each topic's `content` per level: `criteria` and
//! `exampleCriteria`) → the shared [`Draft`].
//!
//! One track per file, levels 1..n (`levels:` or the highest level found),
//! one competency per topic in the file's order, cumulative expectations
//! (each level lists what it adds, as the frameworks are written). The body:
//! `## Level N` sections become those levels' narratives, the rest a guide.
//! Front matter the book has no place for is named in the summary. YAML is
//! read through `crate::yaml` only.

use crate::content::source::split_front_matter;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::cell::CellItem;
use crate::import::draft::{Competency, Draft, Guide, Level, capitalised};
use crate::node::{Key, Node, NodeKind, Pos};

/// One framework file: its name for diagnostics, its path below the
/// folder given (the track's id comes from it), and its bytes.
pub struct FrameworkFile {
    pub name: String,
    pub relative: String,
    pub bytes: Vec<u8>,
}

/// The front matter fields the import reads; any other is reported.
const READ_FIELDS: [&str; 3] = ["title", "levels", "topics"];

/// Reads every file into one draft; files without front matter are skipped
/// with a note, and a folder without any framework is an error.
pub(super) fn read_frameworks(files: &[FrameworkFile], diagnostics: &mut Diagnostics) -> Draft {
    let mut draft = Draft {
        cumulative: true,
        ..Draft::default()
    };
    let prefix_ids = files.len() > 1;
    for file in files {
        let mut reader = FileReader {
            file: &file.name,
            track: track_id(&file.relative),
            prefix_ids,
            diagnostics,
        };
        reader.read(&file.bytes, &mut draft);
    }
    if draft.tracks.is_empty() && diagnostics.error_count() == 0 {
        let name = files.first().map_or("the folder", |f| f.name.as_str());
        diagnostics.push(
            Diagnostic::error(
                "framework-empty",
                name,
                Pos::new(1, 1),
                "no progression-framework file found (Markdown with `topics` or `levels` in its front matter)",
            )
            .with_help("give the repository's `frameworks` folder or one of its files"),
        );
    }
    draft
}

/// The track id of a file: its path without `.md`, `/` as `-`, slugged.
fn track_id(relative: &str) -> String {
    let stem = relative.strip_suffix(".md").unwrap_or(relative);
    let id = crate::markdown::slugify(&stem.replace(['/', '\\'], "-"));
    if id.is_empty() {
        "framework".into()
    } else {
        id
    }
}

/// A topic's id from its name: the part before a `:` (`communication:
/// giving and receiving feedback` → `communication`), at most 48 characters.
fn topic_slug(name: &str) -> String {
    let head = name.split(':').next().unwrap_or(name);
    let slug = crate::markdown::slugify(head);
    let mut cut: String = slug.chars().take(48).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

/// A title without its leading emoji and spaces (`📊 Data` → `Data`).
fn plain_title(title: &str) -> String {
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_string()
}

struct FileReader<'a> {
    file: &'a str,
    track: String,
    prefix_ids: bool,
    diagnostics: &'a mut Diagnostics,
}

/// A topic's criteria at one level, with its position.
struct LevelContent {
    level: i64,
    items: Vec<CellItem>,
}

impl FileReader<'_> {
    fn error(&mut self, code: &'static str, pos: Pos, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(code, self.file, pos, message).with_help(help));
    }

    fn read(&mut self, bytes: &[u8], draft: &mut Draft) {
        let help = "save the file as UTF-8";
        let Some(text) = super::utf8_text(bytes, self.file, help, self.diagnostics) else {
            return;
        };
        let split = match split_front_matter(text) {
            Ok(split) => split,
            Err(err) => return self.error("front-matter", err.pos, err.message, &err.help),
        };
        let Some(yaml) = split.yaml else {
            draft
                .notes
                .push(format!("skipped {}: no front matter", self.file));
            return;
        };
        let mut node = match crate::yaml::parse(yaml) {
            Ok(node) => node,
            Err(err) => {
                let pos = err.pos.shifted(split.yaml_line_offset);
                let message = format!("invalid YAML: {}", err.message);
                return self.error(
                    "yaml-syntax",
                    pos,
                    message,
                    "check the indentation and quote text that contains `: `",
                );
            }
        };
        node.shift_lines(split.yaml_line_offset);
        let NodeKind::Map(fields) = node.kind else {
            let message = format!(
                "the front matter must be a mapping, found {}",
                node.kind_name()
            );
            return self.error("wrong-type", node.pos, message, "write `key: value` lines");
        };
        self.read_fields(&fields, split.body, split.body_line, draft);
    }

    fn read_fields(
        &mut self,
        fields: &[(Key, Node)],
        body: &str,
        body_line: u32,
        draft: &mut Draft,
    ) {
        let field = |name: &str| fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
        let title = match field("title").map(|n| &n.kind) {
            Some(NodeKind::Str(title)) if !plain_title(title).is_empty() => plain_title(title),
            _ => capitalised(&self.track.replace('-', " ")),
        };
        let declared = match field("levels").map(|n| (&n.kind, n.pos)) {
            Some((NodeKind::Int(n), _)) if (1..=100).contains(n) => *n,
            None | Some((NodeKind::Null, _)) => 0,
            Some((_, pos)) => {
                let message = "`levels` must be the number of levels, 1 to 100".to_string();
                self.error(
                    "wrong-type",
                    pos,
                    message,
                    "write `levels: 6`, or leave it out",
                );
                return;
            }
        };
        let topics = match field("topics") {
            Some(node) => self.read_topics(node),
            None => Vec::new(),
        };
        let sections = level_sections(body, body_line);
        let highest = topics
            .iter()
            .flat_map(|(_, contents)| contents.iter().map(|c| c.level))
            .chain(sections.levels.iter().map(|(n, _)| *n))
            .max()
            .unwrap_or(0);
        if declared == 0 && highest == 0 {
            draft
                .notes
                .push(format!("skipped {}: no topics and no levels", self.file));
            return;
        }
        let count = declared.max(highest);
        let others: Vec<&str> = fields
            .iter()
            .map(|(k, _)| k.name.as_str())
            .filter(|name| !READ_FIELDS.contains(name))
            .collect();
        if !others.is_empty() {
            draft.notes.push(format!(
                "{}: front matter not imported: {}",
                self.file,
                others.join(", ")
            ));
        }
        self.add_track(draft, &title, count, topics, sections);
    }

    /// The track, its levels (with their narratives), its competencies and its guide.
    fn add_track(
        &mut self,
        draft: &mut Draft,
        title: &str,
        count: i64,
        topics: Vec<(Competency, Vec<LevelContent>)>,
        sections: Sections,
    ) {
        draft.tracks.push(self.track.clone());
        draft
            .track_names
            .insert(self.track.clone(), title.to_string());
        for rank in 1..=count {
            let narrative = sections
                .levels
                .iter()
                .find(|(n, _)| *n == rank)
                .map(|(_, text)| text.clone())
                .unwrap_or_default();
            draft.levels.push(Level {
                id: format!("{}-{rank}", self.track),
                track: self.track.clone(),
                code: format!("L{rank}"),
                title: format!("Level {rank}"),
                rank,
                narrative,
                ..Level::default()
            });
        }
        let mut run = Vec::new();
        for (mut competency, contents) in topics {
            for content in contents {
                if content.items.is_empty() {
                    continue;
                }
                let level = format!("{}-{}", self.track, content.level);
                competency
                    .items
                    .entry(level)
                    .or_default()
                    .extend(content.items);
            }
            if draft.competencies.iter().any(|c| c.id == competency.id) {
                let message = format!("a second topic named `{}` in this file", competency.name);
                self.error(
                    "duplicate-id",
                    Pos::new(competency.line, 1),
                    message,
                    "give each topic its own `name`",
                );
                continue;
            }
            run.push(competency.id.clone());
            draft.competencies.push(competency);
        }
        draft.competency_runs.push(run);
        draft.area_runs.push(Vec::new());
        if let Some((text, lines)) = sections.guide {
            draft.guides.push(Guide {
                path: self.track.clone(),
                title: title.to_string(),
                body: text,
                origin: format!("from {} lines {lines}", self.file),
            });
        }
    }

    /// Each topic as a competency, with its content per level.
    fn read_topics(&mut self, node: &Node) -> Vec<(Competency, Vec<LevelContent>)> {
        let NodeKind::Seq(topics) = &node.kind else {
            let message = format!("`topics` must be a list, found {}", node.kind_name());
            self.error(
                "wrong-type",
                node.pos,
                message,
                "write `topics:` then `- name: ...` entries",
            );
            return Vec::new();
        };
        topics
            .iter()
            .filter_map(|topic| self.read_topic(topic))
            .collect()
    }

    fn read_topic(&mut self, topic: &Node) -> Option<(Competency, Vec<LevelContent>)> {
        let fields = self.mapping(topic, "a topic")?;
        let field = |name: &str| fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
        let name = match field("name").map(|n| &n.kind) {
            Some(NodeKind::Str(name)) if !name.trim().is_empty() => name.trim().to_string(),
            _ => {
                let message = "this topic has no `name`".to_string();
                self.error(
                    "empty-field",
                    topic.pos,
                    message,
                    "give the topic a `name:` such as `communication`",
                );
                return None;
            }
        };
        let slug = topic_slug(&name);
        let id = if self.prefix_ids {
            format!("{}-{slug}", self.track)
        } else {
            slug
        };
        if !crate::content::resolve::is_valid_id(&id) {
            let message = format!("the topic name `{name}` gives no valid id");
            self.error(
                "invalid-id",
                topic.pos,
                message,
                "use letters and digits in the topic's `name`",
            );
            return None;
        }
        let display = match field("title").map(|n| &n.kind) {
            Some(NodeKind::Str(title)) if !plain_title(title).is_empty() => plain_title(title),
            _ => capitalised(&name.replace(['-', '_'], " ")),
        };
        let contents = match field("content") {
            Some(node) => self.read_contents(node),
            None => Vec::new(),
        };
        let competency = Competency {
            id,
            name: display,
            line: topic.pos.line,
            ..Competency::default()
        };
        Some((competency, contents))
    }

    fn read_contents(&mut self, node: &Node) -> Vec<LevelContent> {
        let NodeKind::Seq(entries) = &node.kind else {
            let message = format!("`content` must be a list, found {}", node.kind_name());
            self.error(
                "wrong-type",
                node.pos,
                message,
                "write `content:` then `- level: 1` entries",
            );
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|entry| self.read_content(entry))
            .collect()
    }

    fn read_content(&mut self, entry: &Node) -> Option<LevelContent> {
        let fields = self.mapping(entry, "a level's content")?;
        let field = |name: &str| fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
        let level = match field("level").map(|n| &n.kind) {
            Some(NodeKind::Int(level)) if (1..=100).contains(level) => *level,
            _ => {
                let message = "this entry has no `level` from 1 to 100".to_string();
                self.error(
                    "wrong-type",
                    entry.pos,
                    message,
                    "write `level: 1` (a whole number)",
                );
                return None;
            }
        };
        let mut items = Vec::new();
        if let Some(criteria) = field("criteria") {
            for text in self.strings(criteria, "criteria") {
                items.push(CellItem {
                    text,
                    examples: Vec::new(),
                });
            }
        }
        if let Some(NodeKind::Seq(examples)) = field("exampleCriteria").map(|n| &n.kind) {
            for example in examples {
                items.extend(self.example_criterion(example));
            }
        }
        Some(LevelContent { level, items })
    }

    fn example_criterion(&mut self, node: &Node) -> Option<CellItem> {
        let fields = self.mapping(node, "an example criterion")?;
        let field = |name: &str| fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
        let Some(NodeKind::Str(text)) = field("criteria").map(|n| &n.kind) else {
            let message = "this example criterion has no `criteria` text".to_string();
            self.error(
                "empty-field",
                node.pos,
                message,
                "write `criteria: \"...\"` above its `examples`",
            );
            return None;
        };
        let examples = match field("examples") {
            Some(examples) => self.strings(examples, "examples"),
            None => Vec::new(),
        };
        Some(CellItem {
            text: text.trim().to_string(),
            examples,
        })
    }

    /// The non-empty strings of a list (`null` is an empty list).
    fn strings(&mut self, node: &Node, what: &str) -> Vec<String> {
        let entries = match &node.kind {
            NodeKind::Seq(entries) => entries,
            NodeKind::Null => return Vec::new(),
            _ => {
                let message = format!("`{what}` must be a list, found {}", node.kind_name());
                self.error(
                    "wrong-type",
                    node.pos,
                    message,
                    "write one `- \"...\"` line per entry",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for entry in entries {
            match &entry.kind {
                NodeKind::Str(text) if !text.trim().is_empty() => out.push(text.trim().to_string()),
                NodeKind::Str(_) | NodeKind::Null => {}
                NodeKind::Int(n) => out.push(n.to_string()),
                _ => {
                    let message = format!(
                        "an entry of `{what}` must be text, found {}",
                        entry.kind_name()
                    );
                    self.error(
                        "wrong-type",
                        entry.pos,
                        message,
                        "quote the entry: `- \"...\"`",
                    );
                }
            }
        }
        out
    }

    fn mapping<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [(Key, Node)]> {
        match &node.kind {
            NodeKind::Map(fields) => Some(fields),
            _ => {
                let message = format!("{what} must be a mapping, found {}", node.kind_name());
                self.error("wrong-type", node.pos, message, "write `key: value` lines");
                None
            }
        }
    }
}

/// The body split at `## Level N` headings: each section's text, and the
/// rest (with its line range) for a guide.
#[derive(Default)]
struct Sections {
    levels: Vec<(i64, String)>,
    guide: Option<(String, String)>,
}

fn level_sections(body: &str, body_line: u32) -> Sections {
    let mut sections = Sections::default();
    let mut guide = String::new();
    let mut guide_lines: Option<(u32, u32)> = None;
    let mut current: Option<(i64, String)> = None;
    for (n, line) in body.lines().enumerate() {
        let heading = line
            .trim()
            .strip_prefix("## Level ")
            .and_then(|rest| rest.trim().parse::<i64>().ok());
        if let Some(level) = heading {
            sections.levels.extend(current.take());
            current = Some((level, String::new()));
            continue;
        }
        match &mut current {
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {
                let at = body_line + n as u32;
                guide_lines = Some((guide_lines.map_or(at, |(first, _)| first), at));
                guide.push_str(line);
                guide.push('\n');
            }
        }
    }
    sections.levels.extend(current);
    for (_, text) in &mut sections.levels {
        *text = trim_rules(text);
    }
    if let (false, Some((first, last))) = (guide.trim().is_empty(), guide_lines) {
        sections.guide = Some((guide.trim().to_string() + "\n", format!("{first}-{last}")));
    }
    sections
}

/// A section without blank lines and `---` rules at its ends.
fn trim_rules(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let keep = |l: &&str| !l.trim().is_empty() && l.trim() != "---";
    let start = lines.iter().position(keep).unwrap_or(lines.len());
    let end = lines.iter().rposition(keep).map_or(start, |e| e + 1);
    lines[start..end.max(start)].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_sections_become_narratives_and_the_rest_a_guide() {
        let sections = level_sections("Intro.\n## Level 1\n\nOne.\n\n---\n## Level 2\nTwo.\n", 5);
        assert_eq!(
            sections.levels,
            [(1, "One.".to_string()), (2, "Two.".to_string())]
        );
        assert_eq!(sections.guide, Some(("Intro.\n".into(), "5-5".into())));
    }

    #[test]
    fn track_ids_come_from_the_path() {
        assert_eq!(track_id("engineering/data.md"), "engineering-data");
        assert_eq!(
            topic_slug("conduct & culture: risk; conduct"),
            "conduct-culture"
        );
        assert_eq!(
            plain_title("📊 Data Engineering Framework"),
            "Data Engineering Framework"
        );
    }
}
