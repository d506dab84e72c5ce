//! The pay band a role publishes. Every output (page, JSON-LD, the
//! `role` command) asks [`salary_band`], so there is one place that decides
//! where a role's band comes from: today the role's own `salary`.

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
pub fn salary_band(_book: &Book, role: &Role) -> Option<Band> {
    role.salary.as_ref().map(|salary| Band {
        min: salary.min,
        max: salary.max,
        currency: salary.currency.clone(),
        per: salary.per.clone(),
    })
}

/// An amount as people read it: whole numbers with thousands separators
/// (`95,000`), other amounts with two decimals (`42.50`).
pub fn amount(value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    let whole = cents / 100;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match cents % 100 {
        0 => grouped,
        rest => format!("{grouped}.{rest:02}"),
    }
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
