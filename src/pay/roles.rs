//! Roles against the bands (issue 27, point 3): a posting must carry its
//! range, and the ladder has it.
//!
//! - a role without `salary` takes its level's band ([`role_band`]): from
//!   the zone it names in `zone:` when pay.yaml has zones, else from the
//!   one set of bands;
//! - `salary-outside-band` (warning): an explicit `salary` outside the band
//!   of the role's level, naming both ranges;
//! - `posting-without-range` (warning): no `salary` and no band to take;
//! - `unknown-reference` (error): a `zone:` pay.yaml does not have.

use crate::content::model::{Book, Role};
use crate::decode::did_you_mean;
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::{Band, Pay, Zone, money::plain};

/// The zone a role's band comes from: the one it names, or the only one.
pub fn role_zone<'p>(pay: &'p Pay, role: &Role) -> Option<&'p Zone> {
    match &role.zone {
        Some(zone) => pay.zones.iter().find(|z| z.id == zone.value),
        None if !pay.zoned => pay.zones.first(),
        None => None,
    }
}

/// The band of the role's level in its zone, when there is one.
pub fn role_band<'p>(pay: &'p Pay, role: &Role) -> Option<(&'p Zone, &'p Band)> {
    let zone = role_zone(pay, role)?;
    Some((zone, zone.band_of(role.level)?))
}

/// Every role's pay problem in a book with pay.yaml.
pub fn check_roles(pay: &Pay, book: &Book) -> Diagnostics {
    let mut found = Diagnostics::default();
    for role in &book.roles {
        if let Some(problem) = unknown_zone(pay, role) {
            found.push(problem);
            continue;
        }
        let band = role_band(pay, role);
        match (&role.salary, band) {
            (Some(salary), Some((zone, band))) => {
                let outside = salary.currency != zone.currency
                    || salary.per != zone.per.unit_text()
                    || salary.min.is_some_and(|min| min < band.min)
                    || salary.max.is_some_and(|max| max > band.max);
                if outside {
                    found.push(outside_band(role, salary, zone, band, book));
                }
            }
            (None, None) => found.push(without_range(pay, role, book)),
            _ => {}
        }
    }
    found
}

fn unknown_zone(pay: &Pay, role: &Role) -> Option<Diagnostic> {
    let zone = role.zone.as_ref()?;
    if pay.zones.iter().any(|z| z.id == zone.value) {
        return None;
    }
    let ids: Vec<&str> = pay.zones.iter().map(|z| z.id.as_str()).collect();
    let help = if !pay.zoned {
        "content/pay.yaml has no zones: remove `zone:`, or write the bands as `zones:`".into()
    } else {
        match did_you_mean(&zone.value, &ids) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("the zones of content/pay.yaml are: {}", ids.join(", ")),
        }
    };
    Some(
        Diagnostic::error(
            "unknown-reference",
            &role.file,
            zone.pos,
            format!(
                "the role names the pay zone `{}`, which content/pay.yaml does not have",
                zone.value
            ),
        )
        .with_help(help),
    )
}

fn outside_band(
    role: &Role,
    salary: &crate::content::model::Salary,
    zone: &Zone,
    band: &Band,
    book: &Book,
) -> Diagnostic {
    let written = format!(
        "{}–{} {} per {}",
        salary.min.map(plain).unwrap_or_default(),
        salary.max.map(plain).unwrap_or_default(),
        salary.currency,
        salary.per
    );
    let level = &book.levels[role.level].id;
    Diagnostic::warning(
        "salary-outside-band",
        &role.file,
        role.salary_pos.unwrap_or(role.pos),
        format!(
            "the salary {written} is outside the band of `{level}`, {} per {}",
            super::money::plain_range(band, &zone.currency),
            zone.per.unit_text()
        ),
    )
    .with_help("post a range inside the level's band, or leave `salary` out to post the band itself; if the band is out of date, change content/pay.yaml")
}

fn without_range(pay: &Pay, role: &Role, book: &Book) -> Diagnostic {
    let level = &book.levels[role.level].id;
    let (message, help) = if pay.zoned && role.zone.is_none() {
        (
            "the role has no `salary` and no `zone`, so it has no pay range".to_string(),
            format!(
                "add `zone:` (one of {}) to take the band of `{level}`, or write `salary:`",
                pay.zones
                    .iter()
                    .map(|z| z.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    } else {
        (
            format!("the role has no `salary`, and `{level}` has no band in content/pay.yaml"),
            format!("add a band for `{level}` to content/pay.yaml, or write `salary:` on the role"),
        )
    };
    Diagnostic::warning(
        "posting-without-range",
        &role.file,
        role.pos,
        format!("{message}: many jurisdictions require the range in the posting itself"),
    )
    .with_help(help)
}
