//! The schema-only types: never constructed, only read by schemars. Their
//! `///` comments are the descriptions editors show and docs/content-format.md
//! lists; keep them short, in the words of the spec.
#![allow(dead_code)]

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::schema::ID_PATTERN;

/// A schema-only type whose schema is the given JSON, inlined where used.
macro_rules! inline_schema {
    ($(#[$doc:meta])* $name:ident => $schema:tt) => {
        $(#[$doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

inline_schema! {
    /// An id: lowercase letters, digits and `-`, starting with a letter or digit, at most 64 characters.
    Id => { "type": "string", "pattern": ID_PATTERN }
}

inline_schema! {
    /// Plain text that must not be blank.
    Text => { "type": "string", "pattern": "\\S" }
}

inline_schema! {
    /// A short label that may be written as a number (`years: 5`, `code: 3`).
    Label => { "type": ["string", "number"] }
}

inline_schema! {
    /// Markdown text (a one-line string is rendered as inline Markdown).
    Markdown => { "type": "string", "contentMediaType": "text/markdown" }
}

/// One value, or a list of them.
pub struct OneOrMany<T>(PhantomData<T>);

impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [one, { "type": "array", "items": one, "minItems": 1 }]
        })
    }
}

/// A mapping whose keys are ids (of levels or competencies).
pub struct IdMap<T>(PhantomData<T>);

impl<T: JsonSchema> JsonSchema for IdMap<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("IdMap_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "propertyNames": { "pattern": ID_PATTERN },
            "additionalProperties": generator.subschema_for::<T>(),
            "minProperties": 1
        })
    }
}

/// `book.toml`: the configuration of a ladderbook book (its folder is the book root).
#[derive(JsonSchema)]
#[schemars(title = "ladderbook book.toml", deny_unknown_fields)]
pub struct BookToml {
    /// About the book.
    pub book: BookSection,
    /// Where the content is and where the site goes.
    pub build: Option<BuildSection>,
    /// The published site's address.
    pub site: Option<SiteSection>,
    /// The ladder's shape: the order of its areas, whether levels add up.
    pub ladder: Option<LadderSection>,
    /// How Markdown is rendered.
    pub markdown: Option<MarkdownSection>,
    /// The releases the site's Changes section publishes, read from the book's git repository.
    pub history: Option<HistorySection>,
    /// Whether the pay bands of `content/pay.yaml` are published, and the steps allowed between them.
    pub pay: Option<PaySection>,
    /// The wording and pay checks a book turns off, and the words it allows.
    pub lint: Option<LintSection>,
    /// Who hires: the employer that roles' job postings name (`hiringOrganization`).
    pub organization: Option<OrganizationSection>,
    /// The words of the interface (labels, headings, notes), key by key; keys not given keep the English default (docs/theming.md).
    pub strings: Option<StringsSection>,
}

/// `[strings]`: the interface's words, one text per key of the strings table.
pub struct StringsSection;

impl JsonSchema for StringsSection {
    fn schema_name() -> Cow<'static, str> {
        "StringsSection".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let english = crate::strings::english();
        let groups = crate::strings::groups();
        let properties: serde_json::Map<String, serde_json::Value> = english
            .iter()
            .map(|(key, value)| {
                let property = serde_json::json!({
                    "type": "string",
                    "description": format!("Interface text: {}.", groups[key].to_lowercase()),
                    "default": value,
                });
                (key.to_string(), property)
            })
            .collect();
        json_schema!({
            "description": "`[strings]`: the interface's words, one text per key of the strings table.",
            "type": "object",
            "properties": properties,
            "additionalProperties": false
        })
    }
}

/// `[book]`: about the book.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BookSection {
    /// The book's title, shown on every page.
    pub title: Text,
    /// One sentence about the book, for the home page and search engines.
    pub description: Option<String>,
    /// Who maintains the book: a name or a list of names.
    pub authors: Option<OneOrMany<String>>,
    /// The language of the content, as a BCP 47 tag (`lang` of every page).
    #[schemars(extend("default" = "en"))]
    pub language: Option<String>,
}

/// `[build]`: folders, relative to the book root.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildSection {
    /// The folder holding the content; it must stay inside the book.
    #[schemars(extend("default" = "content"))]
    pub content_dir: Option<String>,
    /// The folder `build` writes the site into (`--out` overrides it); it must stay inside the book.
    #[schemars(extend("default" = "site"))]
    pub output_dir: Option<String>,
    /// The theme: `themes/<theme>/` overrides the built-in theme file by file.
    #[schemars(extend("default" = "default"))]
    pub theme: Option<String>,
}

/// `[site]`: the published site's address.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SiteSection {
    /// The absolute http(s) URL the site is published at (percent-encoded); used for sitemap.xml, canonical links and the 404 page's links.
    #[schemars(regex(pattern = r#"^https?://[^\s"<>\\^`{|}]*$"#))]
    pub base_url: Option<String>,
}

/// `[ladder]`: the ladder's shape: the order of its areas, whether levels add up.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(rename_all = "kebab-case")]
pub struct LadderSection {
    /// The display order of the competency areas; areas not listed come after these, alphabetically.
    pub areas: Option<Vec<Text>>,
    /// How a level's entry relates to the levels below: `replace` (an entry replaces the lower level's; a level without one carries it over) or `cumulative` (a level expects its own items and every lower level's in its track).
    #[schemars(extend("default" = "replace"))]
    pub expectations: Option<ExpectationMode>,
    /// The heading of the competencies written without an `area`; a book where no competency has one shows no area headings.
    #[schemars(extend("default" = "General"))]
    pub default_area: Option<Text>,
    /// Level-wide aspects, in display order, e.g. `["Scope", "Impact levers"]`: each level's `expectations` holds its own items under the aspect's id (its name slugged: `impact-levers`); shown first on level pages, in the matrix and in the self-assessment.
    pub aspects: Option<Vec<Text>>,
}

inline_schema! {
    /// `replace` or `cumulative`.
    ExpectationMode => { "type": "string", "enum": ["replace", "cumulative"] }
}

/// `[markdown]`: how Markdown is rendered.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MarkdownSection {
    /// Keep raw HTML written in Markdown (it is dropped unless true); `javascript:` links are always dropped.
    #[schemars(extend("default" = false))]
    pub allow_html: Option<bool>,
}

/// `[history]`: the releases the site publishes, with what changed in each; name them one way, by `releases` or by `tags`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct HistorySection {
    /// The releases one by one, oldest first: tags, branches or commits of the book's repository (`["v1.0", "v1.1"]`).
    pub releases: Option<Vec<Text>>,
    /// A tag pattern: every tag it matches is a release, in version order (`v1.9` before `v1.10`); `*` stands for any characters, `?` for one (`"v*"`).
    pub tags: Option<Text>,
}

/// `[pay]`: publishing pay bands.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PaySection {
    /// Show each level's band on its page, in the matrix, the exports and the "Pay and progression" page; when false, no figure of pay.yaml reaches the site.
    #[schemars(extend("default" = false))]
    pub publish: Option<bool>,
    /// Let a level's band start above the top of the band of the rank below (`band-gap` otherwise).
    #[schemars(extend("default" = false))]
    pub allow_gaps: Option<bool>,
    /// Let a level's band start below the top of the band of the rank below (`band-overlap` otherwise).
    #[schemars(extend("default" = true))]
    pub allow_overlaps: Option<bool>,
}

/// `[lint]`: the checks turned off and the words allowed everywhere.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintSection {
    /// Warning codes to turn off: `gendered-word`, `coded-word`, `trait-not-behaviour`, `missing-band`, `band-order`, `band-gap`, `band-overlap`, `unequal-pay`, `salary-outside-band`, `posting-without-range`.
    pub off: Option<OneOrMany<LintCode>>,
    /// Words or phrases the wording checks accept everywhere, as found (`aggressive`) or as the list writes them (`aggress*`).
    pub allow: Option<OneOrMany<String>>,
}

inline_schema! {
    /// A warning code `[lint] off` can turn off.
    LintCode => { "type": "string", "enum": ["gendered-word", "coded-word", "trait-not-behaviour", "missing-band", "band-order", "band-gap", "band-overlap", "unequal-pay", "salary-outside-band", "posting-without-range"] }
}

/// `content/pay.yaml`: the pay band of each level. Either `currency`, `per` and `bands`, or `zones` (each with its own), not both.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook pay.yaml", deny_unknown_fields)]
pub struct PayYaml {
    /// The ISO 4217 code of the figures, e.g. `EUR` (without `zones`).
    pub currency: Option<CurrencyCode>,
    /// What one figure pays for: `YEAR`, `MONTH` or `HOUR` (without `zones`).
    pub per: Option<PayPeriod>,
    /// Each level's band, by level id (without `zones`).
    pub bands: Option<IdMap<PayBand>>,
    /// Pay by location: a list of zones, each with its own currency, period and bands.
    #[schemars(length(min = 1))]
    pub zones: Option<Vec<PayZone>>,
}

inline_schema! {
    /// An ISO 4217 currency code, e.g. `EUR`.
    CurrencyCode => { "type": "string", "pattern": "^[A-Z]{3}$" }
}

inline_schema! {
    /// What one figure pays for (schema.org `unitText`).
    PayPeriod => { "type": "string", "enum": ["YEAR", "MONTH", "HOUR"] }
}

inline_schema! {
    /// A pay figure: a number, zero or more, without currency signs or separators.
    Figure => { "type": "number", "minimum": 0 }
}

/// One level's band: the lowest and the highest figure paid at that level.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PayBand {
    /// The lowest figure, at most `max`.
    pub min: Figure,
    /// The highest figure.
    pub max: Figure,
}

/// One pay zone (a location or a market).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PayZone {
    /// The zone's id, unique in the file; a role names it in `zone`.
    pub id: Id,
    /// The zone's name, shown on pages (default: its id).
    pub name: Option<String>,
    /// The ISO 4217 code of the zone's figures.
    pub currency: CurrencyCode,
    /// What one figure pays for: `YEAR`, `MONTH` or `HOUR`.
    pub per: PayPeriod,
    /// Each level's band in this zone, by level id.
    pub bands: IdMap<PayBand>,
}

/// `[organization]`: the employer of the book's roles, written once for every job posting.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct OrganizationSection {
    /// The employer's name, as job postings show it.
    pub name: Text,
    /// The employer's own site, an absolute http(s) URL.
    #[schemars(regex(pattern = r#"^https?://[^\s"<>\\^`{|}]+$"#))]
    pub url: Option<String>,
    /// The employer's logo, an absolute http(s) URL of an image.
    #[schemars(regex(pattern = r#"^https?://[^\s"<>\\^`{|}]+$"#))]
    pub logo: Option<String>,
}

/// `content/tracks.yaml`: the ladder's tracks, in display order. Without this file there is one implicit track, `default`.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook tracks.yaml")]
pub struct Tracks(#[schemars(length(min = 1))] pub Vec<Track>);

/// One track of the ladder.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Track {
    /// The track's id; levels name it in their `track` field.
    pub id: Id,
    /// The track's name, e.g. "Individual contributor".
    pub name: Text,
    /// How people grow in this track (Markdown).
    pub description: Option<Markdown>,
}

/// The front matter of `content/levels/<id>.md`; the Markdown body below it is the level's narrative.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook level", deny_unknown_fields)]
pub struct Level {
    /// The level's id and URL slug (default: the file name without `.md`).
    pub id: Option<Id>,
    /// The level's full title, e.g. "Senior Site Reliability Engineer".
    pub title: Text,
    /// A short label shown in tables, e.g. `L4`.
    pub code: Option<Label>,
    /// The track's id; required when `tracks.yaml` lists several tracks.
    pub track: Option<Id>,
    /// Seniority within the track: unique in its track, higher is more senior.
    pub rank: i64,
    /// One line about the level (inline Markdown).
    pub summary: Option<Markdown>,
    /// Typical years of experience, free text such as `"5-8"`.
    pub years: Option<Label>,
    /// The id of a level of another track at the same scope.
    pub equivalent: Option<Id>,
    /// What the level expects across its competencies, by aspect id (`[ladder] aspects` in book.toml): an item or a list of them, written like a competency's entry; a level without an entry carries the lower level's over, `[]` ends the aspect, `{ note, items }` adds a note.
    pub expectations: Option<IdMap<ExpectationEntry>>,
}

/// `content/competencies/<id>.yaml` (or the front matter of a `.md` file): one competency and what it expects at each level.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook competency", deny_unknown_fields)]
pub struct Competency {
    /// The competency's id and URL slug (default: the file name without extension).
    pub id: Option<Id>,
    /// The competency's name, e.g. "Incident management".
    pub name: Text,
    /// The area that groups it, e.g. "Reliability"; `[ladder] areas` in book.toml orders the areas. Without it the competency is in the `[ladder] default-area` group.
    pub area: Option<Text>,
    /// Display order within its area, lowest first; competencies without one come after, by name.
    pub order: Option<i64>,
    /// One line about the competency (inline Markdown).
    pub summary: Option<Markdown>,
    /// Why it matters and what good looks like (Markdown).
    pub description: Option<Markdown>,
    /// What it expects, by level id: an item or a list of them; an item is Markdown, or a mapping with its `text` and `examples`. A level without an entry carries over the entry of the nearest lower rank in its track (or, with `[ladder] expectations = "cumulative"`, adds to it); `[]` ends the competency from that level on; a mapping `{ note, items }` adds the owners' note, shown with the entry and never rated (a note alone carries the lower level's items over).
    pub expectations: IdMap<ExpectationEntry>,
}

/// One level's entry: an item, a list of items, `[]`, which ends the
/// competency from that level on in its track, or `{ note, items }`
/// (issue 25).
pub struct ExpectationEntry;

impl JsonSchema for ExpectationEntry {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "ExpectationEntry".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<Expectation>();
        let noted = generator.subschema_for::<NotedEntry>();
        json_schema!({
            "anyOf": [one, { "type": "array", "items": one }, noted]
        })
    }
}

/// An entry with the owners' note on the cell: shown with it, never rated.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NotedEntry {
    /// The note (inline Markdown).
    pub note: Markdown,
    /// The level's items; without them the lower level's items carry over beside the note.
    pub items: Option<OneOrMany<Expectation>>,
}

/// One expected item: Markdown text, or a mapping with examples.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Expectation {
    Text(Markdown),
    WithExamples(ExpectationItem),
}

/// An expected item with the examples that illustrate it.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExpectationItem {
    /// The item (Markdown).
    pub text: Markdown,
    /// Examples of the item (Markdown each), shown under it and kept apart in the exports.
    pub examples: Option<OneOrMany<Markdown>>,
}

inline_schema! {
    /// An emphasis weight: 1 (light) to 5 (defining).
    Weight => { "type": "integer", "minimum": 1, "maximum": 5 }
}

/// The front matter of `content/archetypes/<id>.md`: a specialist profile; the Markdown body below it describes who they are.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook archetype", deny_unknown_fields)]
pub struct Archetype {
    /// The archetype's id and URL slug (default: the file name without `.md`).
    pub id: Option<Id>,
    /// The archetype's name, e.g. "SLO Guard".
    pub name: Text,
    /// One line about them (inline Markdown).
    pub tagline: Option<Markdown>,
    /// Weight by competency id, from 1 (light) to 5 (defining); drawn as a radar chart.
    pub emphasis: Option<IdMap<Weight>>,
    /// The ids of the levels where the archetype applies.
    pub levels: Option<OneOrMany<Id>>,
}

/// `content/scorecards/<id>.yaml`: one interview loop with its rating dimensions and interviews.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook scorecard", deny_unknown_fields)]
pub struct Scorecard {
    /// The scorecard's id and URL slug (default: the file name without extension).
    pub id: Option<Id>,
    /// The loop's title, e.g. "Senior SRE interview loop".
    pub title: Text,
    /// The ids of the levels this loop hires for.
    pub levels: OneOrMany<Id>,
    /// The id of the archetype this loop hires for.
    pub archetype: Option<Id>,
    /// The rating scale, lowest first (default: strong-no 1, no 2, yes 3, strong-yes 4).
    #[schemars(length(min = 2))]
    pub scale: Option<Vec<ScaleStep>>,
    /// What interviewers rate, one competency each.
    #[schemars(length(min = 1))]
    pub dimensions: Vec<Dimension>,
    /// The interviews of the loop.
    #[schemars(length(min = 1))]
    pub interviews: Vec<Interview>,
    /// What strong and weak candidates show.
    pub signals: Option<Signals>,
}

/// One step of a rating scale; ids are unique and values strictly increasing.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ScaleStep {
    /// The step's id, recorded in filled-in scorecards.
    pub id: Id,
    /// The step's label, e.g. "Strong yes".
    pub label: Text,
    /// The step's value; higher is better.
    pub value: i64,
}

/// One rating dimension: a competency and what meeting or exceeding the bar looks like.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Dimension {
    /// The competency's id.
    pub competency: Id,
    /// What meeting the bar looks like (Markdown).
    pub meets: Option<Markdown>,
    /// What exceeding the bar looks like (Markdown).
    pub exceeds: Option<Markdown>,
}

inline_schema! {
    /// An interview length in minutes.
    Minutes => { "type": "integer", "minimum": 1, "maximum": 1440 }
}

/// One interview of the loop.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Interview {
    /// The interview's id; its anchor on the kit page.
    pub id: Id,
    /// The interview's title, e.g. "Incident leadership simulation".
    pub title: Text,
    /// Its length in minutes, 1 to 1440.
    pub minutes: Option<Minutes>,
    /// The scenario and instructions for the interviewer (Markdown).
    pub brief: Option<Markdown>,
    /// The competency ids of the dimensions it covers; each must be one of this scorecard's dimensions.
    pub focus: Option<OneOrMany<Id>>,
    /// Questions to ask (Markdown each).
    pub questions: Option<Vec<Markdown>>,
}

/// Signals that help interviewers calibrate (Markdown each).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Signals {
    /// What a strong candidate shows.
    pub strong: Option<OneOrMany<Markdown>>,
    /// What a weak candidate shows.
    pub weak: Option<OneOrMany<Markdown>>,
    /// What ends the loop.
    pub red_flags: Option<OneOrMany<Markdown>>,
}

/// The front matter of a free page, `content/pages/**/*.md`; the Markdown body below it is the page.
#[derive(JsonSchema)]
#[schemars(title = "ladderbook page", deny_unknown_fields)]
pub struct Page {
    /// The page's title, in its heading and the navigation.
    pub title: Text,
    /// Navigation order among its siblings, lowest first (then by title).
    pub order: Option<i64>,
}

/// The front matter of the home page, `content/index.md` (optional).
#[derive(JsonSchema)]
#[schemars(title = "ladderbook home page", deny_unknown_fields)]
pub struct Index {
    /// The home page's heading (default: the book's title).
    pub title: Option<Text>,
    /// Unused on the home page; allowed so a page can become the home page unchanged.
    pub order: Option<i64>,
}

/// The front matter of `content/roles/<id>.md`: a job posting built on a level; the Markdown body below it is the posting's own text (about the team, the role, its variants).
#[derive(JsonSchema)]
#[schemars(
    title = "ladderbook role",
    deny_unknown_fields,
    rename_all = "kebab-case"
)]
pub struct Role {
    /// The role's id and URL slug (default: the file name without `.md`).
    pub id: Option<Id>,
    /// The posting's title, e.g. "Senior Site Reliability Engineer, Payments" (default: the level's title).
    pub title: Option<Text>,
    /// The id of the level the role hires at: its expectations make the posting.
    pub level: Id,
    /// The id of an archetype: its emphasis orders the expectations.
    pub archetype: Option<Id>,
    /// The id of the scorecard whose interviews make "How we interview".
    pub scorecard: Option<Id>,
    /// The team the role joins.
    pub team: Option<Text>,
    /// Where the job is, as `City, Country` (for a remote role: where applicants may live, a country each).
    pub location: Option<OneOrMany<Text>>,
    /// `true` (fully remote), `false` (on site) or `hybrid`.
    pub remote: Option<RemoteValue>,
    /// schema.org employment types: `FULL_TIME`, `PART_TIME`, `CONTRACTOR`, `TEMPORARY`, `INTERN`, `VOLUNTEER`, `PER_DIEM`, `OTHER`.
    pub employment_type: Option<OneOrMany<EmploymentType>>,
    /// The pay band.
    pub salary: Option<SalaryBand>,
    /// The zone of `content/pay.yaml` whose band of the role's level the posting shows when it writes no `salary`.
    pub zone: Option<Id>,
    /// The day the posting is published, `YYYY-MM-DD`.
    pub posted: Option<Date>,
    /// The last day the posting is open, `YYYY-MM-DD`; not before `posted`.
    pub valid_through: Option<Date>,
    /// Where candidates apply: an absolute http(s) URL.
    #[schemars(regex(pattern = r#"^https?://[^\s"<>\\^`{|}]+$"#))]
    pub apply: Option<String>,
}

inline_schema! {
    /// `true`, `false` or `hybrid`.
    RemoteValue => { "anyOf": [{ "type": "boolean" }, { "type": "string", "enum": ["hybrid"] }] }
}

inline_schema! {
    /// A schema.org employment type.
    EmploymentType => { "type": "string", "enum": ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"] }
}

inline_schema! {
    /// A day, `YYYY-MM-DD`.
    Date => { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }
}

inline_schema! {
    /// An amount above 0.
    Amount => { "type": "number", "exclusiveMinimum": 0 }
}

inline_schema! {
    /// An ISO 4217 currency code, e.g. `EUR`.
    Currency => { "type": "string", "pattern": "^[A-Z]{3}$" }
}

inline_schema! {
    /// `YEAR`, `MONTH`, `WEEK`, `DAY` or `HOUR`.
    SalaryPeriod => { "type": "string", "enum": ["YEAR", "MONTH", "WEEK", "DAY", "HOUR"] }
}

/// A role's pay band: `min` and `max` (at least one), the currency, and what the amounts are paid per.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SalaryBand {
    /// The lowest pay of the band; not above `max`.
    pub min: Option<Amount>,
    /// The highest pay of the band.
    pub max: Option<Amount>,
    /// The ISO 4217 code of the currency, e.g. `EUR`.
    pub currency: Currency,
    /// What the amounts are paid per.
    #[schemars(extend("default" = "YEAR"))]
    pub per: Option<SalaryPeriod>,
}
