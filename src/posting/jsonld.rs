//! A posting as a schema.org `JobPosting` (JSON-LD), the form job search
//! engines read from a careers page: title, description (HTML), datePosted,
//! validThrough, employmentType, hiringOrganization, jobLocation — or, for
//! a remote role, applicantLocationRequirements and jobLocationType —
//! and baseSalary. Fields the role does not give are left out, never
//! guessed; `check` warns about the ones search engines want.

use serde::{Serialize, Serializer};

use super::compose::Posting;
use super::{Words, html};
use crate::content::model::Remote;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    title: &'a str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<Identifier<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_posted: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_through: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    employment_type: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    hiring_organization: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    job_location: Vec<Place<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    applicant_location_requirements: Vec<Country<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_salary: Option<MonetaryAmount<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    potential_action: Option<ApplyAction<'a>>,
}

#[derive(Serialize)]
struct Identifier<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<&'a str>,
}

#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: PostalAddress<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_locality: Option<&'a str>,
    address_country: &'a str,
}

#[derive(Serialize)]
struct Country<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct MonetaryAmount<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    currency: &'a str,
    value: QuantitativeValue<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuantitativeValue<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    min_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    max_value: Option<f64>,
    unit_text: &'a str,
}

#[derive(Serialize)]
struct ApplyAction<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    target: &'a str,
}

/// Whole amounts as JSON integers (`95000`, not `95000.0`).
fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

/// `City, Country` → the locality and the country; a place without a
/// comma is a country.
fn split_place(place: &str) -> (Option<&str>, &str) {
    match place.rsplit_once(',') {
        Some((locality, country)) => (Some(locality.trim()), country.trim()),
        None => (None, place.trim()),
    }
}

/// The `JobPosting` of a posting; links in its description against `root`.
pub fn job_posting<'a>(posting: &'a Posting, words: &Words, root: &str) -> JobPosting<'a> {
    let remote = posting.remote == Some(Remote::Remote);
    let places: Vec<(Option<&str>, &str)> =
        posting.locations.iter().map(|p| split_place(p)).collect();
    JobPosting {
        context: "https://schema.org/",
        kind: "JobPosting",
        title: posting.title,
        description: html::description(posting, words, root),
        identifier: posting.organization.map(|org| Identifier {
            kind: "PropertyValue",
            name: &org.name,
            value: posting.id,
        }),
        url: (root.starts_with("http://") || root.starts_with("https://"))
            .then(|| format!("{root}roles/{}.html", posting.id)),
        date_posted: posting.posted,
        valid_through: posting.valid_through,
        employment_type: posting.employment_types,
        hiring_organization: posting.organization.map(|org| Organization {
            kind: "Organization",
            name: &org.name,
            same_as: org.url.as_deref(),
            logo: org.logo.as_deref(),
        }),
        job_location: if remote {
            Vec::new()
        } else {
            places
                .iter()
                .map(|&(locality, country)| Place {
                    kind: "Place",
                    address: PostalAddress {
                        kind: "PostalAddress",
                        address_locality: locality,
                        address_country: country,
                    },
                })
                .collect()
        },
        job_location_type: remote.then_some("TELECOMMUTE"),
        applicant_location_requirements: if remote {
            places
                .iter()
                .map(|&(_, country)| Country {
                    kind: "Country",
                    name: country,
                })
                .collect()
        } else {
            Vec::new()
        },
        base_salary: posting.band.as_ref().map(|band| MonetaryAmount {
            kind: "MonetaryAmount",
            currency: &band.currency,
            value: QuantitativeValue {
                kind: "QuantitativeValue",
                min_value: band.min,
                max_value: band.max,
                unit_text: &band.per,
            },
        }),
        potential_action: posting.apply.map(|target| ApplyAction {
            kind: "ApplyAction",
            target,
        }),
    }
}

/// `ladderbook role --format json`: the `JobPosting`, pretty.
pub fn json(posting: &Posting, words: &Words, root: &str) -> String {
    let mut text = serde_json::to_string_pretty(&job_posting(posting, words, root))
        .expect("a job posting serialises");
    text.push('\n');
    text
}

/// The `JobPosting` for a `<script type="application/ld+json">` element:
/// nothing in it can end the element.
pub fn script(posting: &Posting, words: &Words, root: &str) -> String {
    let json = serde_json::to_string(&job_posting(posting, words, root))
        .expect("a job posting serialises");
    crate::render::search::script_safe(json)
}

#[cfg(test)]
mod tests {
    use super::split_place;

    #[test]
    fn a_place_is_a_locality_and_a_country() {
        assert_eq!(split_place("Berlin, DE"), (Some("Berlin"), "DE"));
        assert_eq!(
            split_place("Portland, Oregon, US"),
            (Some("Portland, Oregon"), "US")
        );
        assert_eq!(split_place("Germany"), (None, "Germany"));
    }
}
