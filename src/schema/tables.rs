//! The schemas as Markdown field tables: the generated part of
//! docs/content-format.md, so the documentation cannot drift from the
//! schemas (and through them, from the decoder). A test compares the file
//! with [`field_tables`]; `LADDERBOOK_UPDATE_DOCS=1 cargo test` rewrites it.

use serde_json::Value;

use crate::config::{
    BOOK_KEYS, BUILD_KEYS, HISTORY_KEYS, LADDER_KEYS, MARKDOWN_KEYS, ORGANIZATION_KEYS, SECTIONS,
    SITE_KEYS,
};
use crate::content::raw::role::{ROLE_FIELDS, SALARY_FIELDS};
use crate::content::raw::{
    ARCHETYPE_FIELDS, COMPETENCY_FIELDS, DIMENSION_FIELDS, INTERVIEW_FIELDS, LEVEL_FIELDS,
    PAGE_FIELDS, SCALE_STEP_FIELDS, SCORECARD_FIELDS, SIGNALS_FIELDS, TRACK_FIELDS,
};
use crate::schema::{ID_PATTERN, file_name, schemas};

/// Where each kind's fields are written.
fn heading(kind: &str) -> &'static str {
    match kind {
        "book" => "`book.toml`",
        "tracks" => "`content/tracks.yaml`",
        "pay" => "`content/pay.yaml`",
        "level" => "`content/levels/<id>.md` front matter",
        "competency" => "`content/competencies/<id>.yaml`",
        "archetype" => "`content/archetypes/<id>.md` front matter",
        "scorecard" => "`content/scorecards/<id>.yaml`",
        "role" => "`content/roles/<id>.md` front matter",
        "page" => "`content/pages/**/*.md` front matter",
        "index" => "`content/index.md` front matter",
        _ => unreachable!("every schema kind has a heading"),
    }
}

/// The order fields are listed in: the decoder's, which is the spec's.
fn field_order(kind: &str, path: &str) -> &'static [&'static str] {
    match (kind, path) {
        ("book", "") => &SECTIONS,
        ("book", "[book]") => BOOK_KEYS,
        ("book", "[build]") => BUILD_KEYS,
        ("book", "[site]") => SITE_KEYS,
        ("book", "[ladder]") => LADDER_KEYS,
        ("book", "[markdown]") => MARKDOWN_KEYS,
        ("book", "[history]") => HISTORY_KEYS,
        ("book", "[organization]") => ORGANIZATION_KEYS,
        ("book", "[strings]") => crate::strings::STRING_KEYS,
        ("book", "[pay]") => crate::pay::settings::PAY_SECTION_KEYS,
        ("book", "[lint]") => crate::wording::settings::LINT_KEYS,
        ("pay", "") => crate::pay::decode::PAY_KEYS,
        ("pay", "zones[]") => crate::pay::decode::ZONE_KEYS,
        ("tracks", _) => TRACK_FIELDS,
        ("level", _) => LEVEL_FIELDS,
        ("competency", _) => COMPETENCY_FIELDS,
        ("archetype", _) => ARCHETYPE_FIELDS,
        ("scorecard", "") => SCORECARD_FIELDS,
        ("scorecard", "scale[]") => SCALE_STEP_FIELDS,
        ("scorecard", "dimensions[]") => DIMENSION_FIELDS,
        ("scorecard", "interviews[]") => INTERVIEW_FIELDS,
        ("scorecard", "signals") => SIGNALS_FIELDS,
        ("role", "") => ROLE_FIELDS,
        ("role", "salary") => SALARY_FIELDS,
        ("page" | "index", _) => PAGE_FIELDS,
        _ => &[],
    }
}

/// Every kind's fields as Markdown tables, one section per kind.
pub fn field_tables() -> String {
    let mut out = String::new();
    for (kind, schema) in schemas() {
        out.push_str(&format!("### {}\n\n", heading(kind)));
        if let Some(description) = schema["description"].as_str() {
            out.push_str(description);
            out.push(' ');
        }
        out.push_str(&format!("Schema: `schemas/{}`.\n\n", file_name(kind)));
        let top = if schema["type"] == "array" {
            out.push_str("A list; each entry has these fields:\n\n");
            deref(&schema, &schema["items"])
        } else {
            deref(&schema, &schema)
        };
        render_object(&mut out, &schema, kind, "", top);
    }
    out
}

fn render_object(out: &mut String, root: &Value, kind: &str, path: &str, object: &Value) {
    let empty = serde_json::Map::new();
    let properties = object["properties"].as_object().unwrap_or(&empty);
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut names: Vec<&str> = field_order(kind, path)
        .iter()
        .copied()
        .filter(|name| properties.contains_key(*name))
        .collect();
    let mut rest: Vec<&str> = properties
        .keys()
        .map(String::as_str)
        .filter(|name| !names.contains(name))
        .collect();
    rest.sort_unstable();
    names.extend(rest);
    let mut nested: Vec<(String, &Value)> = Vec::new();
    out.push_str("| field | type | required | description |\n|---|---|---|---|\n");
    for name in names {
        let field = &properties[name];
        let shown = if kind == "book" && path.is_empty() {
            format!("`[{name}]`")
        } else {
            format!("`{name}`")
        };
        let mut description = field["description"].as_str().unwrap_or("").to_string();
        if let Some(default) = field.get("default") {
            description.push_str(&format!(" Default: `{}`.", plain(default)));
        }
        out.push_str(&format!(
            "| {shown} | {} | {} | {} |\n",
            type_name(root, field),
            if required.contains(&name) {
                "yes"
            } else {
                "no"
            },
            description.trim().replace('|', "\\|")
        ));
        let target = deref(root, field);
        if target.get("properties").is_some() {
            let child = if kind == "book" && path.is_empty() {
                format!("[{name}]")
            } else {
                join(path, name)
            };
            nested.push((child, target));
        } else if target["type"] == "array"
            && deref(root, &target["items"]).get("properties").is_some()
        {
            nested.push((
                format!("{}[]", join(path, name)),
                deref(root, &target["items"]),
            ));
        }
    }
    out.push('\n');
    for (child, object) in nested {
        let what = if child.ends_with("[]") {
            format!("Each entry of `{}`", child.trim_end_matches("[]"))
        } else {
            format!("`{child}`")
        };
        out.push_str(&format!("#### {what}\n\n"));
        if let Some(description) = object["description"].as_str() {
            out.push_str(&format!("{description}\n\n"));
        }
        render_object(out, root, kind, &child, object);
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Follows `$ref`s (alone or as the one schema of an `allOf`) into `definitions`.
pub(super) fn deref<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    if let Some([only]) = schema
        .get("allOf")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        return deref(root, only);
    }
    match schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/definitions/"))
    {
        Some(name) => deref(root, &root["definitions"][name]),
        None => schema,
    }
}

/// What a value looks like, in the words of the spec.
fn type_name(root: &Value, schema: &Value) -> String {
    let schema = deref(root, schema);
    if let Some(options) = schema["anyOf"].as_array() {
        if let [one, many, others @ ..] = &options[..]
            && many["type"] == "array"
        {
            let mut name = format!("{} or a list of them", type_name(root, one));
            for other in others {
                name.push_str(", or ");
                name.push_str(&type_name(root, other));
            }
            return name;
        }
        let names: Vec<String> = options.iter().map(|o| type_name(root, o)).collect();
        return names.join(" or ");
    }
    if schema.get("properties").is_some() {
        return "mapping".into();
    }
    match &schema["type"] {
        Value::Array(types) => {
            let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            if names == ["string", "number"] {
                "text or number".into()
            } else {
                names.join(" or ")
            }
        }
        Value::String(kind) => match kind.as_str() {
            "string" if schema["pattern"] == ID_PATTERN => "id".into(),
            "string" if schema["contentMediaType"] == "text/markdown" => "Markdown".into(),
            "string" => "text".into(),
            "boolean" => "`true` or `false`".into(),
            "integer" => match (schema["minimum"].as_i64(), schema["maximum"].as_i64()) {
                (Some(min), Some(max)) => format!("whole number, {min} to {max}"),
                _ => "whole number".into(),
            },
            "array" => {
                let mut items = type_name(root, &schema["items"]);
                if items == "mapping" {
                    items.push('s');
                }
                match schema["minItems"].as_u64() {
                    Some(min) if min > 1 => format!("list of {items} (at least {min})"),
                    Some(1) => format!("list of {items} (at least one)"),
                    _ => format!("list of {items}"),
                }
            }
            "object" if schema["propertyNames"]["pattern"] == ID_PATTERN => format!(
                "mapping of id → {}",
                type_name(root, &schema["additionalProperties"])
            ),
            other => other.to_string(),
        },
        _ => "any".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_kind_is_in_a_table() {
        let tables = field_tables();
        for field in LEVEL_FIELDS
            .iter()
            .chain(COMPETENCY_FIELDS)
            .chain(INTERVIEW_FIELDS)
            .chain(SIGNALS_FIELDS)
        {
            assert!(tables.contains(&format!("| `{field}` |")), "{field}");
        }
        assert!(tables.contains("| `[build]` | mapping | no |"));
        assert!(tables.contains("#### Each entry of `interviews`"));
        assert!(tables.contains(
            "| `expectations` | mapping of id → Markdown or mapping or a list of them, or mapping | yes |"
        ));
        assert!(tables.contains("| `emphasis` | mapping of id → whole number, 1 to 5 | no |"));
    }

    /// docs/content-format.md holds these tables between two markers.
    #[test]
    fn the_content_format_doc_lists_the_current_fields() {
        const BEGIN: &str = "<!-- BEGIN GENERATED FIELD TABLES: `LADDERBOOK_UPDATE_DOCS=1 cargo test` rewrites this part -->\n";
        const END: &str = "<!-- END GENERATED FIELD TABLES -->\n";
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-format.md");
        let doc = std::fs::read_to_string(&path).expect("docs/content-format.md exists");
        let start = doc.find(BEGIN).expect("the begin marker") + BEGIN.len();
        let end = doc.find(END).expect("the end marker");
        let fresh = format!("\n{}", field_tables());
        if doc[start..end] == fresh {
            return;
        }
        if std::env::var_os("LADDERBOOK_UPDATE_DOCS").is_some() {
            let updated = format!("{}{fresh}{}", &doc[..start], &doc[end..]);
            std::fs::write(&path, updated).expect("docs/content-format.md is writable");
            return;
        }
        panic!(
            "docs/content-format.md's field tables are stale; run `LADDERBOOK_UPDATE_DOCS=1 cargo test --lib schema` and commit the result"
        );
    }
}
