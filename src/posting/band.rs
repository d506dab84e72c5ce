//! The pay band a role publishes. Every output (page, JSON-LD, the
//! `role` command) asks [`salary_band`], so there is one place that decides
//! where a role's band comes from: the role's own `salary`, else the band
//! of its level in `content/pay.yaml` (issue 27), published or not: a
//! posting carries its range either way.

use serde::Serialize;

use crate::content::model::{Book, Role};

/// A band as postings show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217.
    pub currency: String,
    /// schema.org `unitText`: `YEAR`, `MONTH`, `WEEK`, `DAY`, `HOUR`.
    pub per: String,
}

/// The band of `role`, if it publishes one.
pub fn salary_band(book: &Book, role: &Role) -> Option<Band> {
    if let Some(salary) = &role.salary {
        return Some(Band {
            min: salary.min,
            max: salary.max,
            currency: salary.currency.clone(),
            per: salary.per.clone(),
        });
    }
    let (zone, band) = crate::pay::roles::role_band(book.pay.as_ref()?, role)?;
    Some(Band {
        min: Some(band.min),
        max: Some(band.max),
        currency: zone.currency.clone(),
        per: zone.per.unit_text().to_string(),
    })
}

/// An amount as people read it: whole numbers with thousands separators
/// (`95,000`), other amounts with two decimals (`42.50`); the English form
/// of `pay::money`, which writes every figure.
pub fn amount(value: f64) -> String {
    crate::pay::money::amount(value, crate::pay::money::style_of("en"))
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(amount(95000.0), "95,000");
        assert_eq!(amount(1234567.0), "1,234,567");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(42.5), "42.50");
        assert_eq!(amount(100.0), "100");
    }
}
