//! Roles (issue 23): each job posting's references to a level, an
//! archetype and a scorecard, and the rules a posting must meet: a band
//! whose `min` is not above its `max`, a real ISO 4217 currency, real dates
//! in order, an absolute `apply` URL. One small function per rule; each
//! reports its own problem and the role keeps what is sound.
//!
//! What job search engines need and a role lacks is a warning
//! (`posting-incomplete`), one per field: a draft posting still builds.

use super::{Placed, RefKind, Resolver};
use crate::config::absolute_url_problem;
use crate::content::model::*;
use crate::content::raw::role::{RawRole, RawSalary};
use crate::content::raw::*;
use crate::decode::At;
use crate::node::Pos;

/// What a role's references resolve to, and the book around them.
pub(super) struct RoleBook<'a> {
    pub levels: &'a [Level],
    pub archetypes: &'a [Archetype],
    pub scorecards: &'a [Scorecard],
    /// The book has `content/pay.yaml`: a role without `salary` takes its
    /// level's band from it (issue 27).
    pub has_pay: bool,
}

impl Resolver<'_> {
    pub(super) fn roles(&mut self, raw: &RawBook, placed: &Placed, book: RoleBook) -> Vec<Role> {
        let (_, keep) = self.unique_ids(raw.roles.iter().map(|r| (&r.file, &r.id)), "role");
        let mut roles: Vec<Role> = raw
            .roles
            .iter()
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .filter_map(|(role, _)| self.role(role, placed, &book))
            .collect();
        if !roles.is_empty() && self.config.organization.is_none() {
            self.warning(
                "posting-incomplete",
                crate::config::CONFIG_FILE,
                Pos::new(1, 1),
                "the book has roles but no `[organization]`: job postings cannot name who hires",
            )
            .help = Some(
                "add `[organization]` with `name = \"...\"` (and `url`, `logo`) to book.toml"
                    .into(),
            );
        }
        roles.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
        roles
    }

    fn role(&mut self, raw: &RawRole, placed: &Placed, book: &RoleBook) -> Option<Role> {
        let file = &raw.file;
        let level = self.reference(file, &raw.level, RefKind::Level, placed);
        let archetype = raw
            .archetype
            .as_ref()
            .and_then(|a| self.reference(file, a, RefKind::Archetype, placed));
        let scorecard = raw
            .scorecard
            .as_ref()
            .and_then(|s| self.reference(file, s, RefKind::Scorecard, placed));
        let salary = raw.salary.as_ref().and_then(|s| self.salary(file, s));
        let posted = self.date(file, raw.posted.as_ref(), "posted");
        let valid_through = self.date(file, raw.valid_through.as_ref(), "valid-through");
        if let (Some(from), Some(to), Some(end)) = (&posted, &valid_through, &raw.valid_through) {
            self.date_order(file, from, to, end);
        }
        let apply = raw.apply.as_ref().and_then(|url| self.apply_url(file, url));
        let (body, _, _) = self.markdown(file, &raw.body, false, placed.targets);
        self.missing_posting_fields(raw, book.has_pay);
        let level = level?;
        self.fits_level(raw, level, archetype, scorecard, book);
        Some(Role {
            id: raw.id.value.clone(),
            file: file.clone(),
            title: raw
                .title
                .as_ref()
                .map_or_else(|| book.levels[level].title.clone(), |t| t.value.clone()),
            level,
            archetype,
            scorecard,
            team: raw.team.as_ref().map(|t| t.value.clone()),
            locations: raw.location.iter().map(|l| l.value.clone()).collect(),
            remote: raw.remote.as_ref().map(|r| r.value),
            employment_types: raw
                .employment_type
                .iter()
                .map(|e| e.value.clone())
                .collect(),
            salary,
            zone: raw.zone.clone(),
            pos: raw.pos,
            salary_pos: raw.salary.as_ref().map(|s| s.pos),
            posted: posted.map(|d| d.to_string()),
            valid_through: valid_through.map(|d| d.to_string()),
            apply,
            body,
        })
    }

    /// A band: a known currency, amounts above zero, `min` ≤ `max`.
    fn salary(&mut self, file: &str, raw: &RawSalary) -> Option<Salary> {
        let mut sound = self.currency(file, &raw.currency);
        for amount in raw.min.iter().chain(&raw.max) {
            if amount.value <= 0.0 {
                self.error(
                    "invalid-salary",
                    file,
                    amount.pos,
                    format!("a salary of {} is not a band anyone is paid", amount.value),
                )
                .help = Some("write the amount in whole units of the currency, above 0".into());
                sound = false;
            }
        }
        if let (Some(min), Some(max)) = (&raw.min, &raw.max)
            && min.value > max.value
        {
            self.error(
                "invalid-salary",
                file,
                max.pos,
                format!("`max` ({}) is below `min` ({})", max.value, min.value),
            )
            .help = Some("swap the two amounts, or correct the one that is wrong".into());
            sound = false;
        }
        sound.then(|| Salary {
            min: raw.min.as_ref().map(|m| m.value),
            max: raw.max.as_ref().map(|m| m.value),
            currency: raw.currency.value.clone(),
            per: raw.per.value.clone(),
        })
    }

    /// A currency must be on the ISO 4217 list, in capitals.
    fn currency(&mut self, file: &str, code: &At<String>) -> bool {
        let Some(help) = crate::pay::currency::unknown_code_help(&code.value) else {
            return true;
        };
        self.error(
            "invalid-currency",
            file,
            code.pos,
            format!("`{}` is not an ISO 4217 currency code", code.value),
        )
        .help = Some(help);
        false
    }

    /// A date written `YYYY-MM-DD` that exists in the calendar.
    fn date(
        &mut self,
        file: &str,
        value: Option<&At<String>>,
        field: &str,
    ) -> Option<jiff::civil::Date> {
        let value = value?;
        let text = value.value.trim();
        let shape_ok = text.len() == 10
            && text.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        match text.parse::<jiff::civil::Date>() {
            Ok(date) if shape_ok => Some(date),
            _ => {
                let why = if shape_ok {
                    "is not a day of the calendar"
                } else {
                    "is not a date written YYYY-MM-DD"
                };
                self.error(
                    "invalid-date",
                    file,
                    value.pos,
                    format!("`{field}: {}` {why}", value.value),
                )
                .help = Some(format!("write the day as `{field}: 2026-03-31`"));
                None
            }
        }
    }

    /// A posting cannot stop being valid before it is posted.
    fn date_order(
        &mut self,
        file: &str,
        posted: &jiff::civil::Date,
        valid_through: &jiff::civil::Date,
        at: &At<String>,
    ) {
        if posted > valid_through {
            self.error(
                "date-order",
                file,
                at.pos,
                format!("`valid-through` ({valid_through}) is before `posted` ({posted})"),
            )
            .help = Some("the posting must be valid on the day it is posted or later".into());
        }
    }

    /// Where to apply: an absolute http(s) URL.
    fn apply_url(&mut self, file: &str, url: &At<String>) -> Option<String> {
        match absolute_url_problem(&url.value) {
            None => Some(url.value.clone()),
            Some(problem) => {
                self.error("invalid-url", file, url.pos, format!("`apply` {problem}"))
                    .help = Some("link the page where candidates apply, e.g. `apply: https://example.org/jobs/42`".into());
                None
            }
        }
    }

    /// One warning per field that job search engines require or recommend
    /// and the role does not give (Google's JobPosting guidelines).
    /// With `content/pay.yaml` a role without `salary` takes its level's
    /// band, and `pay::roles` says when there is none (issue 27).
    fn missing_posting_fields(&mut self, raw: &RawRole, has_pay: bool) {
        let remote = raw.remote.as_ref().map(|r| r.value);
        let location_why = if remote == Some(Remote::Remote) {
            "job search engines require the countries a remote applicant may live in"
        } else {
            "job search engines require where the job is (`jobLocation`)"
        };
        let missing: [(&str, &str); 5] = [
            (
                "posted",
                "job search engines require the day it was posted (`datePosted`)",
            ),
            ("location", location_why),
            (
                "employment-type",
                "job search engines recommend the kind of employment (`employmentType`)",
            ),
            (
                "valid-through",
                "job search engines recommend the day the posting expires (`validThrough`)",
            ),
            (
                "salary",
                "job search engines recommend the pay (`baseSalary`), and some laws require it",
            ),
        ];
        for (field, why) in missing {
            if field == "salary" && has_pay {
                continue;
            }
            if !raw.written.iter().any(|written| written == field) {
                self.warning(
                    "posting-incomplete",
                    &raw.file,
                    raw.pos,
                    format!("the role has no `{field}`: {why}"),
                )
                .help = Some(format!("add `{field}:` to the front matter"));
            }
        }
    }

    /// The archetype and the scorecard a role names should be meant for
    /// its level; a loop for another level would test the wrong bar.
    fn fits_level(
        &mut self,
        raw: &RawRole,
        level: usize,
        archetype: Option<usize>,
        scorecard: Option<usize>,
        book: &RoleBook,
    ) {
        let name = &book.levels[level].id;
        if let (Some(index), Some(at)) = (scorecard, &raw.scorecard)
            && !book.scorecards[index].levels.contains(&level)
        {
            self.warning(
                "role-mismatch",
                &raw.file,
                at.pos,
                format!(
                    "the scorecard `{}` does not hire for the level `{name}`",
                    at.value
                ),
            )
            .help = Some(format!(
                "add `{name}` to the scorecard's `levels`, or name a loop for this level"
            ));
        }
        if let (Some(index), Some(at)) = (archetype, &raw.archetype) {
            let levels = &book.archetypes[index].levels;
            if !levels.is_empty() && !levels.contains(&level) {
                self.warning(
                    "role-mismatch",
                    &raw.file,
                    at.pos,
                    format!(
                        "the archetype `{}` does not apply at the level `{name}`",
                        at.value
                    ),
                )
                .help = Some(format!(
                    "add `{name}` to the archetype's `levels`, or leave `archetype` out"
                ));
            }
        }
    }
}
