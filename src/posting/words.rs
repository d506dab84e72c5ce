//! The interface's words the postings use, with their placeholders filled.

use crate::content::model::Remote;
use crate::strings::Strings;

use super::Band;
use super::band::amount;
use super::compose::{Posting, Step};

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

    /// One interview of the loop in a line: "Incident simulation (60 min).
    /// Focus: Incident management".
    pub fn step(&self, step: &Step) -> String {
        let mut line = step.title.to_string();
        if let Some(minutes) = step.minutes {
            let length = self.fill("role_minutes", &[("minutes", &minutes.to_string())]);
            line.push_str(&format!(" ({length})"));
        }
        if !step.focus.is_empty() {
            line.push_str(&format!(
                ". {} {}",
                self.get("role_focus"),
                step.focus.join(", ")
            ));
        }
        line
    }

    /// "4 interviews, 240 minutes in all"; `None` without interviews.
    pub fn loop_total(&self, posting: &Posting) -> Option<String> {
        (!posting.interviews.is_empty()).then(|| {
            self.fill(
                "role_loop_total",
                &[
                    ("n", &posting.interviews.len().to_string()),
                    ("minutes", &posting.loop_minutes.to_string()),
                ],
            )
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn band(min: Option<f64>, max: Option<f64>, per: &str) -> Band {
        Band {
            min,
            max,
            currency: "EUR".into(),
            per: per.into(),
        }
    }

    #[test]
    fn a_band_reads_as_a_range_a_floor_or_a_ceiling() {
        let english = crate::strings::english();
        let words = Words(&english);
        assert_eq!(
            words.band(&band(Some(80000.0), Some(100000.0), "YEAR")),
            "80,000–100,000 EUR a year"
        );
        assert_eq!(
            words.band(&band(Some(40.0), None, "HOUR")),
            "from 40 EUR an hour"
        );
        assert_eq!(
            words.band(&band(None, Some(5000.0), "MONTH")),
            "up to 5,000 EUR a month"
        );
        assert_eq!(
            words.band(&band(Some(90.0), Some(90.0), "DAY")),
            "90 EUR a day"
        );
    }

    #[test]
    fn words_come_from_the_book_when_it_has_its_own() {
        let mut own = crate::strings::english();
        own.insert("role_per_year", "par an".into());
        own.insert("employment_full_time", "Temps plein".into());
        let words = Words(&own);
        assert_eq!(
            words.band(&band(Some(1.0), Some(2.0), "YEAR")),
            "1–2 EUR par an"
        );
        assert_eq!(words.employment("FULL_TIME"), "Temps plein");
        assert_eq!(words.employment("SOMETHING"), "SOMETHING");
        assert_eq!(words.remote(Remote::Hybrid), "Hybrid");
    }
}
