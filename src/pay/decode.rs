//! pay.yaml → [`PayFile`]: the shape of the file, checked field by field.
//!
//! Every problem is a diagnostic at its key or value, and decoding goes on,
//! so one run reports a negative figure, an unknown currency and a zone
//! without an id together. Which levels the bands name is checked later,
//! against the resolved book (`checks`).

use crate::content::resolve::is_valid_id;
use crate::decode::{At, Decoder, did_you_mean};
use crate::node::{Node, NodeKind};

use super::{PayFile, Per, RawBand, RawZone, currency};

/// The keys of pay.yaml; `zones` replaces the other three.
pub const PAY_KEYS: &[&str] = &["currency", "per", "bands", "zones"];
/// The keys of one zone.
pub const ZONE_KEYS: &[&str] = &["id", "name", "currency", "per", "bands"];
/// The keys of one band.
pub const BAND_KEYS: &[&str] = &["min", "max"];

/// Decodes pay.yaml; `None` only when the file is not a mapping at all.
pub fn decode_pay(node: &Node, decoder: &mut Decoder) -> Option<PayFile> {
    let mut fields = decoder.fields(node, "pay.yaml")?;
    let file = decoder.file.to_string();
    let pay = if let Some(zones_node) = fields.get("zones") {
        for flat in ["currency", "per", "bands"] {
            if let Some((key, _)) = fields.get_entry(flat) {
                decoder
                    .error(
                        "unknown-field",
                        key.pos,
                        format!("`{flat}` beside `zones:`: with zones, each zone has its own"),
                    )
                    .help = Some(format!("move `{flat}` into each zone of `zones:`"));
            }
        }
        let zones = decode_zones(zones_node, decoder);
        PayFile {
            file,
            zoned: true,
            zones,
        }
    } else {
        let currency = fields
            .require("currency", "pay.yaml")
            .and_then(|n| decode_currency(n, decoder));
        let per = fields
            .require("per", "pay.yaml")
            .and_then(|n| decode_per(n, decoder));
        let bands = fields
            .require("bands", "pay.yaml")
            .map(|n| decode_bands(n, decoder))
            .unwrap_or_default();
        PayFile {
            file,
            zoned: false,
            zones: vec![RawZone {
                pos: node.pos,
                id: None,
                name: None,
                currency,
                per,
                bands,
            }],
        }
    };
    fields.finish(decoder, PAY_KEYS, "pay.yaml");
    Some(pay)
}

fn decode_zones(node: &Node, decoder: &mut Decoder) -> Vec<RawZone> {
    let Some(items) = decoder.list(node, "zones", false) else {
        return Vec::new();
    };
    if items.is_empty() {
        decoder
            .error("empty-field", node.pos, "`zones:` lists no zone")
            .help = Some(
            "add a zone (`- id: ...`), or write `currency`, `per` and `bands` at the top".into(),
        );
    }
    let mut zones: Vec<RawZone> = Vec::new();
    for item in items {
        let Some(zone) = decode_zone(item, decoder) else {
            continue;
        };
        if let Some(id) = &zone.id
            && let Some(first) = zones
                .iter()
                .filter_map(|z| z.id.as_ref())
                .find(|other| other.value == id.value)
        {
            decoder
                .error(
                    "duplicate-id",
                    id.pos,
                    format!("two zones have the id `{}`", id.value),
                )
                .help = Some(format!(
                "the first is at line {}; give each zone its own id",
                first.pos.line
            ));
        }
        zones.push(zone);
    }
    zones
}

fn decode_zone(node: &Node, decoder: &mut Decoder) -> Option<RawZone> {
    let mut fields = decoder.fields(node, "a zone")?;
    let id = fields
        .require("id", "a zone")
        .and_then(|n| decoder.text(n, "id"))
        .filter(|id| {
            let valid = is_valid_id(&id.value);
            if !valid {
                decoder
                    .error(
                        "invalid-id",
                        id.pos,
                        format!("`{}` is not a valid zone id", id.value),
                    )
                    .help = Some(
                    "use lowercase letters, digits and `-`, e.g. `berlin` or `us-remote`".into(),
                );
            }
            valid
        });
    let name = fields
        .get("name")
        .and_then(|n| decoder.text(n, "name"))
        .map(|n| n.value);
    let currency = fields
        .require("currency", "a zone")
        .and_then(|n| decode_currency(n, decoder));
    let per = fields
        .require("per", "a zone")
        .and_then(|n| decode_per(n, decoder));
    let bands = fields
        .require("bands", "a zone")
        .map(|n| decode_bands(n, decoder))
        .unwrap_or_default();
    fields.finish(decoder, ZONE_KEYS, "a zone");
    Some(RawZone {
        pos: node.pos,
        id,
        name,
        currency,
        per,
        bands,
    })
}

fn decode_currency(node: &Node, decoder: &mut Decoder) -> Option<At<String>> {
    let code = decoder.text(node, "currency")?;
    let Some(help) = currency::unknown_code_help(&code.value) else {
        return Some(code);
    };
    decoder
        .error(
            "invalid-currency",
            code.pos,
            format!("`{}` is not an ISO 4217 currency code", code.value),
        )
        .help = Some(help);
    None
}

fn decode_per(node: &Node, decoder: &mut Decoder) -> Option<Per> {
    let text = decoder.text(node, "per")?;
    if let Some(per) = Per::parse(&text.value) {
        return Some(per);
    }
    let upper = text.value.trim().to_ascii_uppercase();
    let help = match did_you_mean(
        upper.trim_end_matches('S').trim_end_matches("LY"),
        &Per::NAMES,
    ) {
        Some(close) => format!("did you mean `{close}`? `per` is YEAR, MONTH or HOUR"),
        None => "`per` is YEAR, MONTH or HOUR (what one figure pays for)".into(),
    };
    decoder
        .error(
            "unknown-period",
            text.pos,
            format!("`per: {}` is not a pay period", text.value),
        )
        .help = Some(help);
    None
}

fn decode_bands(node: &Node, decoder: &mut Decoder) -> Vec<RawBand> {
    let Some(entries) = decoder.entries(node, "bands") else {
        return Vec::new();
    };
    let mut bands = Vec::new();
    for (key, value) in entries {
        let what = format!("the band of `{}`", key.name);
        let Some(mut fields) = decoder.fields(value, &what) else {
            continue;
        };
        let min = fields
            .require("min", &what)
            .and_then(|n| decode_figure(n, "min", decoder));
        let max = fields
            .require("max", &what)
            .and_then(|n| decode_figure(n, "max", decoder));
        fields.finish(decoder, BAND_KEYS, &what);
        let (Some(min), Some(max)) = (min, max) else {
            continue;
        };
        if min.value > max.value {
            decoder
                .error(
                    "invalid-band",
                    min.pos,
                    format!(
                        "the band of `{}` starts above where it ends (min {} > max {})",
                        key.name, min.value, max.value
                    ),
                )
                .help = Some("swap `min` and `max`, or correct the figure that is wrong".into());
            continue;
        }
        bands.push(RawBand {
            level: At::new(key.name.clone(), key.pos),
            min,
            max,
        });
    }
    bands
}

/// A pay figure: a number, zero or more, written without quotes.
fn decode_figure(node: &Node, what: &str, decoder: &mut Decoder) -> Option<At<f64>> {
    let value = match node.kind {
        NodeKind::Int(value) => value as f64,
        NodeKind::Float(value) => value,
        _ => {
            decoder
                .error(
                    "wrong-type",
                    node.pos,
                    format!("`{what}` must be a number, found {}", node.kind_name()),
                )
                .help = Some(
                "write the figure as digits without quotes, currency signs or separators, e.g. `52000`"
                    .into(),
            );
            return None;
        }
    };
    if !value.is_finite() || value < 0.0 {
        decoder
            .error(
                "invalid-band",
                node.pos,
                format!("`{what}` is {value}: a pay figure cannot be negative"),
            )
            .help = Some("write the amount paid, zero or more".into());
        return None;
    }
    Some(At::new(value, node.pos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;

    fn decode(text: &str) -> (Option<PayFile>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let mut decoder = Decoder {
            file: "content/pay.yaml",
            diagnostics: &mut diagnostics,
        };
        let node = crate::yaml::parse(text).expect("test YAML parses");
        let pay = decode_pay(&node, &mut decoder);
        (
            pay,
            diagnostics.sorted().iter().map(|d| d.one_line()).collect(),
        )
    }

    #[test]
    fn a_flat_file_is_one_zone() {
        let (pay, problems) =
            decode("currency: EUR\nper: YEAR\nbands:\n  sre-1: { min: 52000, max: 64000.5 }\n");
        assert!(problems.is_empty(), "{problems:?}");
        let pay = pay.expect("decoded");
        assert!(!pay.zoned);
        assert_eq!(pay.zones[0].bands[0].max.value, 64000.5);
    }

    #[test]
    fn every_bad_figure_is_reported_at_once() {
        let (_, problems) = decode(
            "currency: eur\nper: YEARLY\nbands:\n  a: { min: 9, max: 1 }\n  b: { min: -1, max: 2 }\n  c: { min: \"52k\", max: 60000 }\n",
        );
        assert_eq!(
            problems,
            vec![
                "content/pay.yaml:1:11: error[invalid-currency]: `eur` is not an ISO 4217 currency code",
                "content/pay.yaml:2:6: error[unknown-period]: `per: YEARLY` is not a pay period",
                "content/pay.yaml:4:13: error[invalid-band]: the band of `a` starts above where it ends (min 9 > max 1)",
                "content/pay.yaml:5:13: error[invalid-band]: `min` is -1: a pay figure cannot be negative",
                "content/pay.yaml:6:13: error[wrong-type]: `min` must be a number, found a string",
            ]
        );
    }

    #[test]
    fn zones_need_an_id_each_and_unique() {
        let (_, problems) = decode(
            "zones:\n  - id: de\n    currency: EUR\n    per: YEAR\n    bands: {}\n  - id: de\n    currency: EUR\n    per: YEAR\n    bands: {}\n  - currency: USD\n    per: HOUR\n    bands: {}\n",
        );
        assert_eq!(
            problems,
            vec![
                "content/pay.yaml:6:9: error[duplicate-id]: two zones have the id `de`",
                "content/pay.yaml:10:5: error[missing-field]: a zone is missing the required field `id`",
            ]
        );
    }
}
