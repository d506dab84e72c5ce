//! The JSON Schema of the filled-in assessment file
//! (`ladderbook.assessment/1`), written by the self-assessment page and read
//! by `team` (`filled::assessment`). Unlike the content kinds it is written
//! by hand: no decoder type stands behind it. The tests keep its fields
//! equal to the reader's (`ASSESSMENT_FIELDS`, `RATING_FIELDS`).

use serde_json::{Value, json};

use crate::filled::assessment::RATINGS;

/// The filled-in kinds `ladderbook schema` prints after the content kinds.
pub const FILLED_KINDS: [&str; 1] = ["assessment"];

/// The schema of one filled-in kind.
pub fn filled_schema(kind: &str) -> Option<Value> {
    (kind == "assessment").then(assessment)
}

fn assessment() -> Value {
    let mut ratings: Vec<Value> = RATINGS.iter().map(|r| json!(r)).collect();
    ratings.push(Value::Null);
    let entry = json!({
        "type": "object",
        "description": "One expectation's rating.",
        "properties": {
            "rating": { "enum": ratings, "description": "not-yet, partly, consistently (what the level expects) or beyond; null when not rated." },
            "notes": { "type": "string", "description": "Evidence or notes." },
            "text": { "type": "string", "description": "The expectation's text when the file was made, to tell what changed since." },
            "competency": { "type": "string", "description": "The competency's id." }
        }
    });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "ladderbook.assessment/1",
        "description": "An assessment against one level, exported by the self-assessment page (assess.html) and read by `ladderbook team`.",
        "type": "object",
        "required": ["format", "book", "level", "ratings"],
        "properties": {
            "format": { "const": "ladderbook.assessment/1" },
            "book": {
                "type": "object",
                "required": ["version"],
                "properties": {
                    "title": { "type": "string" },
                    "version": { "type": "string", "description": "The ladder version the file was made against." }
                }
            },
            "level": { "type": "string", "description": "The target level's id: the level rated." },
            "date": { "type": "string", "description": "The day of the export, YYYY-MM-DD." },
            "ratings": {
                "type": "object",
                "description": "One entry per expectation of the level, keyed as the page keys them (`<competency>:<n>`).",
                "additionalProperties": entry.clone()
            },
            "notes": { "type": "string", "description": "Overall notes." },
            "foundation": {
                "type": "object",
                "description": "Ratings of the level below's expectations that differ, keyed as on that level.",
                "properties": {
                    "level": { "type": "string" },
                    "ratings": { "type": "object", "additionalProperties": entry }
                }
            },
            "person": { "type": "string", "description": "Optional: who is assessed." },
            "assessor": { "type": "string", "description": "Optional: who made the assessment." },
            "perspective": { "enum": ["self", "manager"], "description": "Optional: a self-assessment or a manager's assessment." },
            "current_level": { "type": "string", "description": "Optional: the person's current level's id." }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filled::assessment::{ASSESSMENT_FIELDS, RATING_FIELDS};

    fn keys(value: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value
            .as_object()
            .expect("properties are an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn the_schema_has_exactly_the_fields_the_reader_knows() {
        let schema = assessment();
        let mut top = ASSESSMENT_FIELDS.to_vec();
        top.sort_unstable();
        assert_eq!(keys(&schema["properties"]), top);
        let mut entry = RATING_FIELDS.to_vec();
        entry.sort_unstable();
        let ratings = &schema["properties"]["ratings"]["additionalProperties"]["properties"];
        assert_eq!(keys(ratings), entry);
    }
}
