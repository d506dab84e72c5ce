//! A pay figure or band as text, in the book's language: digit grouping
//! and decimal sign by language, the currency's sign where it has a common
//! one. Small on purpose: a book needs its own figures written the way its
//! readers write them, not a full locale database.

use super::{Band, currency};

/// How a language writes an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyStyle {
    group: &'static str,
    decimal: char,
    /// `€52,000` (English and others) rather than `52.000 €`.
    sign_first: bool,
}

/// The style of a BCP 47 language tag, by its primary subtag.
pub fn style_of(language: &str) -> MoneyStyle {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "de" | "nl" | "es" | "it" | "pt" | "da" | "id" | "tr" | "el" | "ro" | "hr" | "sl"
        | "sr" | "is" => MoneyStyle {
            group: ".",
            decimal: ',',
            sign_first: false,
        },
        "fr" | "sv" | "nb" | "nn" | "no" | "fi" | "cs" | "sk" | "pl" | "ru" | "uk" | "hu"
        | "bg" | "lt" | "lv" | "et" => MoneyStyle {
            // A narrow no-break space, so an amount never breaks across lines.
            group: "\u{202F}",
            decimal: ',',
            sign_first: false,
        },
        _ => MoneyStyle {
            group: ",",
            decimal: '.',
            sign_first: true,
        },
    }
}

/// `52000` → `52,000`; cents only when the figure has them.
pub fn amount(value: f64, style: MoneyStyle) -> String {
    let cents = (value * 100.0).round() as u64;
    let (whole, fraction) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(style.group);
        }
        grouped.push(digit);
    }
    if fraction > 0 {
        grouped.push(style.decimal);
        grouped.push_str(&format!("{fraction:02}"));
    }
    grouped
}

/// One figure with its currency: `€52,000`, `52.000 €`, `CHF 52,000`.
pub fn money(value: f64, code: &str, style: MoneyStyle) -> String {
    let figure = amount(value, style);
    let sign = currency::symbol(code);
    match (style.sign_first, sign) {
        (true, Some(sign)) => format!("{sign}{figure}"),
        (true, None) => format!("{code}\u{a0}{figure}"),
        (false, sign) => format!("{figure}\u{a0}{}", sign.unwrap_or(code)),
    }
}

/// A band in the book's language: `€52,000 – €64,000`.
pub fn range(band: &Band, code: &str, language: &str) -> String {
    let style = style_of(language);
    format!(
        "{} – {}",
        money(band.min, code, style),
        money(band.max, code, style)
    )
}

/// A band in messages and machine-facing text: `52000–64000 EUR`.
pub fn plain_range(band: &Band, code: &str) -> String {
    format!("{}–{} {code}", plain(band.min), plain(band.max))
}

/// A figure as digits, cents only when it has them: `52000`, `31.5`.
pub fn plain(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(min: f64, max: f64) -> Band {
        Band { level: 0, min, max }
    }

    #[test]
    fn english_groups_with_commas_and_puts_the_sign_first() {
        assert_eq!(
            range(&band(52000.0, 64000.0), "EUR", "en"),
            "€52,000 – €64,000"
        );
        assert_eq!(
            money(1234567.5, "CHF", style_of("en-GB")),
            "CHF\u{a0}1,234,567.50"
        );
        assert_eq!(amount(999.0, style_of("en")), "999");
    }

    #[test]
    fn other_languages_write_figures_their_way() {
        assert_eq!(money(52000.0, "EUR", style_of("de")), "52.000\u{a0}€");
        assert_eq!(
            money(52000.0, "SEK", style_of("sv-SE")),
            "52\u{202F}000\u{a0}SEK"
        );
        assert_eq!(money(31.5, "EUR", style_of("fr")), "31,50\u{a0}€");
    }

    #[test]
    fn plain_figures_keep_cents_only_when_there_are_some() {
        assert_eq!(
            plain_range(&band(52000.0, 64000.0), "EUR"),
            "52000–64000 EUR"
        );
        assert_eq!(plain(31.5), "31.50");
    }
}
