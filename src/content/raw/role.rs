//! `roles/<id>.md` front matter → [`RawRole`] (issue 23): a job posting's
//! facts as written. Shape only, like the rest of `raw`: types, required
//! and unknown fields, the closed vocabularies (`remote`, `employment-type`,
//! `per`). References, dates, currencies and amounts are checked in
//! `resolve::roles`, which knows the book.

use super::{Md, item_id, optional_text, parse_markdown_file};
use crate::content::source::SourceFile;
use crate::decode::{At, Decoder, Fields, did_you_mean};
use crate::node::{Node, NodeKind, Pos};

/// Whether the work can be done away from an office (`remote:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remote {
    /// `false`: on site at the role's locations.
    OnSite,
    /// `hybrid`: partly on site, partly from home.
    Hybrid,
    /// `true`: fully remote; `location` names where applicants may live.
    Remote,
}

/// `salary:` as written.
#[derive(Debug, Clone)]
pub struct RawSalary {
    pub pos: Pos,
    pub min: Option<At<f64>>,
    pub max: Option<At<f64>>,
    pub currency: At<String>,
    /// `YEAR`, `MONTH`, `WEEK`, `DAY` or `HOUR` (schema.org `unitText`).
    pub per: At<String>,
}

#[derive(Debug, Clone)]
pub struct RawRole {
    pub file: String,
    /// Where the front matter starts: where a field it lacks is reported.
    pub pos: Pos,
    pub id: At<String>,
    pub title: Option<At<String>>,
    pub level: At<String>,
    pub archetype: Option<At<String>>,
    pub scorecard: Option<At<String>>,
    pub team: Option<At<String>>,
    pub location: Vec<At<String>>,
    pub remote: Option<At<Remote>>,
    pub employment_type: Vec<At<String>>,
    pub salary: Option<RawSalary>,
    /// The pay zone of `content/pay.yaml` whose band the role takes when
    /// it writes no `salary` (issue 27).
    pub zone: Option<At<String>>,
    pub posted: Option<At<String>>,
    pub valid_through: Option<At<String>>,
    pub apply: Option<At<String>>,
    /// The fields the front matter writes, sound or not: a field written
    /// wrongly is reported as such, not also as missing.
    pub written: Vec<String>,
    pub body: Md,
}

/// The front matter fields of `roles/<id>.md`.
pub const ROLE_FIELDS: &[&str] = &[
    "id",
    "title",
    "level",
    "archetype",
    "scorecard",
    "team",
    "location",
    "remote",
    "employment-type",
    "salary",
    "zone",
    "posted",
    "valid-through",
    "apply",
];

/// The fields of a role's `salary`.
pub const SALARY_FIELDS: &[&str] = &["min", "max", "currency", "per"];

/// schema.org's `employmentType` values that job search engines read.
pub const EMPLOYMENT_TYPES: &[&str] = &[
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

/// schema.org's `unitText` values of a salary.
pub const SALARY_PERIODS: &[&str] = &["YEAR", "MONTH", "WEEK", "DAY", "HOUR"];

/// Decodes one role file; `None` when it cannot make a role (reported).
pub fn parse_role(source: &SourceFile, decoder: &mut Decoder) -> Option<RawRole> {
    let (node, body) = parse_markdown_file(source, decoder)?;
    let written = match &node.kind {
        NodeKind::Map(entries) => entries.iter().map(|(key, _)| key.name.clone()).collect(),
        _ => Vec::new(),
    };
    let mut fields = decoder.fields(&node, "a role's front matter")?;
    let id = item_id(&mut fields, decoder, &source.stem);
    let title = optional_text(&mut fields, decoder, "title");
    let level = fields
        .require("level", "a role")
        .and_then(|node| decoder.text(node, "level"));
    let archetype = optional_text(&mut fields, decoder, "archetype");
    let scorecard = optional_text(&mut fields, decoder, "scorecard");
    let team = optional_text(&mut fields, decoder, "team");
    let location = fields
        .get("location")
        .and_then(|node| decoder.text_list(node, "location", true))
        .unwrap_or_default();
    let remote = fields.get("remote").and_then(|node| remote(node, decoder));
    let employment_type = fields
        .get("employment-type")
        .and_then(|node| decoder.text_list(node, "employment-type", true))
        .unwrap_or_default()
        .into_iter()
        .filter(|value| one_of(decoder, value, "employment-type", EMPLOYMENT_TYPES))
        .collect();
    let salary = fields.get("salary").and_then(|node| salary(node, decoder));
    let zone = optional_text(&mut fields, decoder, "zone");
    let posted = optional_text(&mut fields, decoder, "posted");
    let valid_through = optional_text(&mut fields, decoder, "valid-through");
    let apply = optional_text(&mut fields, decoder, "apply");
    let pos = fields.pos;
    fields.finish(decoder, ROLE_FIELDS, "a role");
    Some(RawRole {
        file: source.file.clone(),
        pos,
        id: id?,
        title,
        level: level?,
        archetype,
        scorecard,
        team,
        location,
        remote,
        employment_type,
        salary,
        zone,
        posted,
        valid_through,
        apply,
        written,
        body,
    })
}

/// `remote: true`, `false` or `hybrid`.
fn remote(node: &Node, decoder: &mut Decoder) -> Option<At<Remote>> {
    let value = match &node.kind {
        NodeKind::Bool(true) => Remote::Remote,
        NodeKind::Bool(false) => Remote::OnSite,
        NodeKind::Str(text) if text == "hybrid" => Remote::Hybrid,
        _ => {
            decoder
                .error(
                    "wrong-type",
                    node.pos,
                    format!(
                        "`remote` must be true, false or hybrid, found {}",
                        node.kind_name()
                    ),
                )
                .help =
                Some("`true`: fully remote; `false`: on site; `hybrid`: some days on site".into());
            return None;
        }
    };
    Some(At::new(value, node.pos))
}

/// Whether `value` is one of `allowed`; reported with a hint when not.
fn one_of(decoder: &mut Decoder, value: &At<String>, field: &str, allowed: &[&str]) -> bool {
    if allowed.contains(&value.value.as_str()) {
        return true;
    }
    let upper = value.value.to_ascii_uppercase().replace(['-', ' '], "_");
    let help = match did_you_mean(&upper, allowed) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the values are: {}", allowed.join(", ")),
    };
    decoder
        .error(
            "wrong-type",
            value.pos,
            format!("`{field}` cannot be `{}`", value.value),
        )
        .help = Some(help);
    false
}

fn salary(node: &Node, decoder: &mut Decoder) -> Option<RawSalary> {
    let mut fields = decoder.fields(node, "`salary`")?;
    let min = amount(&mut fields, decoder, "min");
    let max = amount(&mut fields, decoder, "max");
    let currency = fields
        .require("currency", "`salary`")
        .and_then(|node| decoder.text(node, "currency"));
    let per = match fields.get("per") {
        Some(node) => decoder
            .text(node, "per")
            .filter(|per| one_of(decoder, per, "per", SALARY_PERIODS)),
        None => Some(At::new("YEAR".into(), node.pos)),
    };
    fields.finish(decoder, SALARY_FIELDS, "`salary`");
    if min.is_none() && max.is_none() {
        decoder
            .error(
                "missing-field",
                node.pos,
                "`salary` has neither `min` nor `max`",
            )
            .help = Some("give the band as `min: 90000` and `max: 120000`".into());
        return None;
    }
    Some(RawSalary {
        pos: node.pos,
        min,
        max,
        currency: currency?,
        per: per?,
    })
}

/// A salary amount: a number without quotes.
fn amount(fields: &mut Fields, decoder: &mut Decoder, name: &str) -> Option<At<f64>> {
    let node = fields.get(name)?;
    match node.kind {
        NodeKind::Int(value) => Some(At::new(value as f64, node.pos)),
        NodeKind::Float(value) if value.is_finite() => Some(At::new(value, node.pos)),
        _ => {
            decoder
                .error(
                    "wrong-type",
                    node.pos,
                    format!("`{name}` must be a number, found {}", node.kind_name()),
                )
                .help = Some(format!(
                "write the amount as digits without quotes or separators, e.g. `{name}: 95000`"
            ));
            None
        }
    }
}
