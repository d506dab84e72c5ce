//! The currency codes pay.yaml and roles may name: ISO 4217's codes in
//! use (`iso4217.txt`), with the sign a page shows for the few that have a
//! well-known one.

/// The ISO 4217 codes in use, a data file shared by pay.yaml and roles'
/// `salary` (one code per line, `#` comments).
const CODES: &str = include_str!("iso4217.txt");

/// Every known code, in the file's order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CODES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// Whether `code` is an ISO 4217 code (upper case, as the standard writes it).
pub fn is_known(code: &str) -> bool {
    codes().any(|known| known == code)
}

/// The known code one letter away from `code`, for a "did you mean".
pub fn closest(code: &str) -> Option<&'static str> {
    let known: Vec<&'static str> = codes().collect();
    crate::decode::did_you_mean(code, &known)
}

/// The hint for a `currency` that is not a code in use; `None` when it is
/// one. pay.yaml and roles' `salary` word the problem the same way.
pub fn unknown_code_help(code: &str) -> Option<String> {
    if is_known(code) {
        return None;
    }
    let upper = code.trim().to_ascii_uppercase();
    Some(if is_known(&upper) {
        format!("write it in capitals: `{upper}`")
    } else {
        match closest(&upper) {
            Some(close) => format!("did you mean `{close}`? Currencies are ISO 4217 codes"),
            None => "use the three-letter ISO 4217 code, e.g. `EUR`, `USD`, `GBP`".into(),
        }
    })
}

/// The sign written before a figure in English text, where one is common.
pub fn symbol(code: &str) -> Option<&'static str> {
    match code {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_the_codes_in_use_and_nothing_else() {
        assert!(is_known("EUR") && is_known("USD") && is_known("ZAR"));
        assert!(!is_known("eur") && !is_known("EURO") && !is_known("XYZ"));
        for code in ["GBP", "JPY", "CHF", "XOF", "ZWG"] {
            assert!(is_known(code), "{code}");
        }
        // Not money anyone is paid in, or withdrawn from the list.
        for code in ["XXX", "XAU", "HRK", "", "#"] {
            assert!(!is_known(code), "{code}");
        }
        assert!(codes().count() > 150);
        assert!(codes().all(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase())));
    }
}
