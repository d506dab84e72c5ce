//! The interface's words the postings use, with their placeholders filled.

use crate::content::model::Remote;
use crate::strings::Strings;

use super::Band;
use super::band::amount;

/// The book's words (English, the theme's, `[strings]`), for postings.
pub struct Words<'a>(pub &'a Strings);

impl Words<'_> {
    /// One word by key (every key is in the English table).
    pub fn get(&self, key: &str) -> &str {
        self.0
            .get(key)
            .map(String::as_str)
            .expect("the strings table has every key postings use")
    }

    /// A word with `{name}` placeholders filled.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    pub fn remote(&self, remote: Remote) -> &str {
        self.get(match remote {
            Remote::Remote => "role_remote",
            Remote::Hybrid => "role_hybrid",
            Remote::OnSite => "role_on_site",
        })
    }

    /// `FULL_TIME` → "Full time".
    pub fn employment(&self, value: &str) -> String {
        let key = format!("employment_{}", value.to_ascii_lowercase());
        self.0
            .get(key.as_str())
            .cloned()
            .unwrap_or_else(|| value.to_string())
    }

    /// "95,000–120,000 EUR a year", "from 40 GBP an hour".
    pub fn band(&self, band: &Band) -> String {
        let money = |value: f64| format!("{} {}", amount(value), band.currency);
        let range = match (band.min, band.max) {
            (Some(min), Some(max)) if min == max => money(min),
            (Some(min), Some(max)) => format!("{}–{}", amount(min), money(max)),
            (Some(min), None) => self.fill("role_from", &[("amount", &money(min))]),
            (None, Some(max)) => self.fill("role_up_to", &[("amount", &money(max))]),
            (None, None) => String::new(),
        };
        let per = format!("role_per_{}", band.per.to_ascii_lowercase());
        match self.0.get(per.as_str()) {
            Some(per) => format!("{range} {per}"),
            None => range,
        }
    }
}
