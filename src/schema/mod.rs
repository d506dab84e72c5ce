//! JSON Schemas (draft-07) of `book.toml` and of every content kind, for
//! editors: `ladderbook schema` prints them, `init` writes them into a new
//! book with `yaml-language-server` modelines so VS Code and Neovim validate
//! and complete fields as people type.
//!
//! The schemas are generated with schemars from the schema-only types of
//! `types.rs`, whose `///` comments become the descriptions an editor shows
//! (and the field tables of docs/content-format.md, `tables.rs`). They never
//! hold data: the decoder (`content::raw`, `config`) reads files field by
//! field. The tests below check that each schema allows exactly the fields
//! the decoder allows, so the two cannot drift apart.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde_json::{Map, Value};

use crate::content::source::Kind;
use crate::node::{Node, NodeKind};

mod filled;
mod tables;
mod types;

pub use filled::{FILLED_KINDS, filled_schema};

pub use tables::field_tables;

/// The id rule of the spec (`content::resolve::is_valid_id`), less the
/// names Windows keeps for devices (`content::resolve::is_reserved_name`).
/// JSON Schema patterns are ECMAScript regular expressions, lookahead
/// included, so an editor flags `nul` as it types.
pub const ID_PATTERN: &str = "^(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$)[a-z0-9][a-z0-9-]{0,63}$";

/// The schema kinds, in the order `ladderbook schema` prints them. Each is
/// written as `<kind>.schema.json`.
pub const KINDS: [&str; 10] = [
    "book",
    "tracks",
    "pay",
    "level",
    "competency",
    "archetype",
    "scorecard",
    "role",
    "page",
    "index",
];

/// The file a schema is written to: `level.schema.json`.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// The schema that describes a content file of `kind` (its front matter, for
/// Markdown files).
pub fn kind_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Index => "index",
        Kind::Tracks => "tracks",
        Kind::Pay => "pay",
        Kind::Level => "level",
        Kind::Competency => "competency",
        Kind::Archetype => "archetype",
        Kind::Scorecard => "scorecard",
        Kind::Role => "role",
        Kind::Page => "page",
    }
}

/// The schema of one kind (one of [`KINDS`]).
pub fn schema(kind: &str) -> Option<Value> {
    use types::*;
    let schema = match kind {
        "book" => generate::<BookToml>(),
        "tracks" => generate::<Tracks>(),
        "pay" => generate::<PayYaml>(),
        "level" => generate::<Level>(),
        "competency" => generate::<Competency>(),
        "archetype" => generate::<Archetype>(),
        "scorecard" => generate::<Scorecard>(),
        "role" => generate::<Role>(),
        "page" => generate::<Page>(),
        "index" => generate::<Index>(),
        _ => return None,
    };
    Some(schema)
}

/// Every schema, by kind, in the order of [`KINDS`].
pub fn schemas() -> Vec<(&'static str, Value)> {
    KINDS
        .iter()
        .map(|&kind| (kind, schema(kind).expect("every listed kind has a schema")))
        .collect()
}

/// The content schemas, then the filled-in files' (issue 18).
fn every_schema() -> Vec<(&'static str, Value)> {
    let mut all = schemas();
    all.extend(FILLED_KINDS.iter().map(|&kind| {
        let schema = filled_schema(kind).expect("every filled-in kind has a schema");
        (kind, schema)
    }));
    all
}

/// All schemas as one pretty JSON object keyed by kind.
pub fn render_all() -> String {
    let object: Map<String, Value> = every_schema()
        .into_iter()
        .map(|(kind, schema)| (kind.to_string(), schema))
        .collect();
    pretty(&Value::Object(object))
}

/// One schema as the text of its file.
pub fn render(schema: &Value) -> String {
    pretty(schema)
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value serialises");
    text.push('\n');
    text
}

/// Writes one `<kind>.schema.json` per kind into `dir` (created if needed);
/// returns the files written.
pub fn write_schemas(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut written = Vec::new();
    for (kind, schema) in every_schema() {
        let path = dir.join(file_name(kind));
        std::fs::write(&path, render(&schema))
            .with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// A decoded YAML or TOML tree as JSON, the instance a schema validates.
pub fn to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, value)| (key.name.clone(), to_json(value)))
                .collect(),
        ),
        NodeKind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeKind::Str(text) => Value::String(text.clone()),
        NodeKind::Int(value) => Value::from(*value),
        NodeKind::Float(value) => Value::from(*value),
        NodeKind::Bool(value) => Value::Bool(*value),
        NodeKind::Null => Value::Null,
    }
}

fn generate<T: schemars::JsonSchema>() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema: Value = generator.into_root_schema_for::<T>().into();
    strip_null(&mut schema);
    schema
}

/// Removes the `null` schemars allows for `Option` fields: leaving a field
/// out is the only way to omit it, as the decoder refuses `null` where it
/// expects a value (`title: ~` is an error, not a missing title).
fn strip_null(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(options)) = object.get_mut("anyOf") {
                options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
                if options.len() == 1 {
                    let Some(Value::Object(only)) = options.pop() else {
                        unreachable!("anyOf holds schemas");
                    };
                    object.remove("anyOf");
                    for (key, value) in only {
                        object.entry(key).or_insert(value);
                    }
                }
            }
            object.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{SECTION_KEYS, SECTIONS};
    use crate::content::raw::role::{ROLE_FIELDS, SALARY_FIELDS};
    use crate::content::raw::{
        ARCHETYPE_FIELDS, COMPETENCY_FIELDS, DIMENSION_FIELDS, INTERVIEW_FIELDS, ITEM_FIELDS,
        LEVEL_FIELDS, PAGE_FIELDS, SCALE_STEP_FIELDS, SCORECARD_FIELDS, SIGNALS_FIELDS,
        TRACK_FIELDS,
    };
    use crate::schema::tables::deref;

    /// The object schema at `path` (property names; `[]` for list items).
    fn object_at<'a>(root: &'a Value, path: &[&str]) -> &'a Value {
        let mut schema = deref(root, root);
        for step in path {
            schema = if *step == "[]" {
                deref(root, &schema["items"])
            } else {
                deref(root, &schema["properties"][*step])
            };
        }
        schema
    }

    fn property_names(root: &Value, path: &[&str]) -> Vec<String> {
        let object = object_at(root, path);
        assert_eq!(
            object["additionalProperties"],
            Value::Bool(false),
            "{path:?} denies unknown fields"
        );
        let mut names: Vec<String> = object["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{path:?} has properties"))
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    }

    #[test]
    fn each_schema_allows_exactly_the_fields_the_decoder_allows() {
        let schema = |kind| super::schema(kind).expect("a known kind");
        let cases: Vec<(Value, Vec<&str>, &[&str])> = vec![
            (schema("tracks"), vec!["[]"], TRACK_FIELDS),
            (schema("level"), vec![], LEVEL_FIELDS),
            (schema("competency"), vec![], COMPETENCY_FIELDS),
            (schema("archetype"), vec![], ARCHETYPE_FIELDS),
            (schema("scorecard"), vec![], SCORECARD_FIELDS),
            (schema("scorecard"), vec!["scale", "[]"], SCALE_STEP_FIELDS),
            (
                schema("scorecard"),
                vec!["dimensions", "[]"],
                DIMENSION_FIELDS,
            ),
            (
                schema("scorecard"),
                vec!["interviews", "[]"],
                INTERVIEW_FIELDS,
            ),
            (schema("scorecard"), vec!["signals"], SIGNALS_FIELDS),
            (schema("role"), vec![], ROLE_FIELDS),
            (schema("role"), vec!["salary"], SALARY_FIELDS),
            (schema("page"), vec![], PAGE_FIELDS),
            (schema("index"), vec![], PAGE_FIELDS),
            (schema("book"), vec![], &SECTIONS),
            (schema("pay"), vec![], crate::pay::decode::PAY_KEYS),
            (
                schema("pay"),
                vec!["zones", "[]"],
                crate::pay::decode::ZONE_KEYS,
            ),
        ];
        for (root, path, fields) in &cases {
            assert_eq!(property_names(root, path), sorted(fields), "{path:?}");
        }
        let book = schema("book");
        for (section, keys) in SECTION_KEYS {
            assert_eq!(
                property_names(&book, &[section]),
                sorted(keys),
                "[{section}]"
            );
        }
        assert_eq!(SECTION_KEYS.len(), SECTIONS.len());
    }

    #[test]
    fn an_expectation_item_mapping_has_the_decoder_s_fields() {
        let root = schema("competency").expect("a known kind");
        let item = &root["definitions"]["ExpectationItem"];
        let mut names: Vec<String> = item["properties"]
            .as_object()
            .expect("the item mapping has properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        assert_eq!(names, sorted(ITEM_FIELDS));
        assert_eq!(item["additionalProperties"], Value::Bool(false));
        assert_eq!(item["required"], serde_json::json!(["text"]));
    }

    #[test]
    fn an_entry_with_a_note_has_the_decoder_s_fields() {
        let root = schema("competency").expect("a known kind");
        let entry = &root["definitions"]["NotedEntry"];
        let mut names: Vec<String> = entry["properties"]
            .as_object()
            .expect("the noted entry has properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        assert_eq!(names, sorted(crate::content::raw::NOTED_ENTRY_FIELDS));
        assert_eq!(entry["additionalProperties"], Value::Bool(false));
    }

    #[test]
    fn required_fields_are_those_the_decoder_requires() {
        let required = |kind: &str, path: &[&str]| -> Vec<String> {
            let root = schema(kind).unwrap();
            let mut names: Vec<String> = object_at(&root, path)["required"]
                .as_array()
                .map(|r| r.iter().map(|v| v.as_str().unwrap().to_string()).collect())
                .unwrap_or_default();
            names.sort();
            names
        };
        assert_eq!(required("book", &[]), ["book"]);
        assert_eq!(required("book", &["book"]), ["title"]);
        assert_eq!(required("tracks", &["[]"]), ["id", "name"]);
        assert_eq!(required("level", &[]), ["rank", "title"]);
        assert_eq!(required("competency", &[]), ["expectations", "name"]);
        assert_eq!(required("archetype", &[]), ["name"]);
        assert_eq!(
            required("scorecard", &[]),
            ["dimensions", "interviews", "levels", "title"]
        );
        assert_eq!(required("role", &[]), ["level"]);
        assert_eq!(required("role", &["salary"]), ["currency"]);
        assert_eq!(required("page", &[]), ["title"]);
        assert!(required("index", &[]).is_empty());
    }

    #[test]
    fn the_id_pattern_is_the_resolver_s_rule() {
        let long = "a".repeat(64);
        let too_long = "a".repeat(65);
        let ids = [
            "sre-1", "1st", "a", "con", "nul", "aux", "prn", "com1", "com9", "lpt3", "com0",
            "com10", "console", "nul-2", "con-", "Con", "-a", "a_b", "", "é", &long, &too_long,
        ];
        // As an editor checks it: by a JSON Schema validator.
        let id_schema = serde_json::json!({ "type": "string", "pattern": ID_PATTERN });
        for id in ids {
            let resolver = crate::content::resolve::is_valid_id(id)
                && !crate::content::resolve::is_reserved_name(id);
            assert_eq!(
                jsonschema::is_valid(&id_schema, &id.into()),
                resolver,
                "{id:?}"
            );
        }
        let level = schema("level").unwrap();
        assert_eq!(level["properties"]["id"]["pattern"], ID_PATTERN);
        assert_eq!(level["$schema"], "http://json-schema.org/draft-07/schema#");
    }

    #[test]
    fn content_kinds_map_to_schemas() {
        for kind in [
            Kind::Index,
            Kind::Tracks,
            Kind::Pay,
            Kind::Level,
            Kind::Competency,
            Kind::Archetype,
            Kind::Scorecard,
            Kind::Role,
            Kind::Page,
        ] {
            assert!(KINDS.contains(&kind_of(kind)), "{kind:?}");
        }
    }
}
