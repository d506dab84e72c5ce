//! Raw items → the validated [`Book`]: ids checked, references resolved,
//! carried-over expectations filled in, Markdown rendered once.
//!
//! Every broken rule is a diagnostic; an item with a broken reference keeps
//! its other data so later rules still run and report their own problems.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::source::{Kind, StaticFile};
use crate::content::targets::{LinkTargets, UNDECODED};
use crate::decode::{At, did_you_mean};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, MarkdownOptions};
use crate::node::Pos;

/// The id rule of the spec: `^[a-z0-9][a-z0-9-]{0,63}$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// Windows opens a device, not a file, for these names whatever the
/// extension (`nul.html`): an id that is one of them would make a site that
/// cannot be copied to or served from Windows.
pub fn is_reserved_name(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|device| {
            id.strip_prefix(device)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
        })
}

const DEFAULT_TRACK: &str = "default";

/// Everything `resolve` needs besides the raw items.
pub struct ResolveInput {
    pub config: Config,
    pub raw: RawBook,
    pub statics: Vec<StaticFile>,
    pub version: String,
}

pub fn resolve(input: ResolveInput, diagnostics: &mut Diagnostics) -> Book {
    let ResolveInput {
        config,
        mut raw,
        statics,
        version,
    } = input;
    let mut ctx = Resolver {
        diagnostics,
        config: &config,
    };
    let targets = link_targets(&raw, &mut ctx);
    let tracks = ctx.tracks(&raw);
    let (levels, tracks) = ctx.levels(&raw, tracks, &targets);
    let (areas, competencies) = ctx.competencies(&raw, &levels, &targets);
    let mut placed = Placed {
        targets: &targets,
        levels: index_by_id(levels.iter().map(|l| &l.id)),
        competencies: index_by_id(competencies.iter().map(|c| &c.id)),
        archetypes: HashMap::new(),
    };
    let archetypes = ctx.archetypes(&raw, &placed);
    placed.archetypes = index_by_id(archetypes.iter().map(|a| &a.id));
    let scorecards = ctx.scorecards(&raw, &placed);
    let index = raw
        .index
        .as_ref()
        .map(|raw_index| ctx.intro(raw_index, &targets));
    let (pages, nav) = ctx.pages(std::mem::take(&mut raw.pages));
    // A level file with errors, or a missing content folder, is reported on
    // its own; "no levels" would only repeat it.
    let no_level_files =
        raw.levels.is_empty() && !raw.undecoded.iter().any(|(kind, _)| *kind == Kind::Level);
    if no_level_files && !ctx.diagnostics.iter().any(|d| d.code == "missing-content") {
        ctx.diagnostics.push(
            Diagnostic::warning(
                "no-levels",
                &config_file(),
                Pos::new(1, 1),
                "the book has no levels yet",
            )
            .with_help(format!(
                "add a level as `{}/levels/<id>.md`",
                config.build.content_dir
            )),
        );
    }
    Book {
        config: config.clone(),
        tracks,
        levels,
        areas,
        competencies,
        archetypes,
        scorecards,
        pages,
        nav,
        index,
        links: targets,
        statics,
        version,
    }
}

fn index_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate()
        .map(|(index, id)| (id.clone(), index))
        .collect()
}

/// Final indices of the items that made it into the model, by id. A raw id
/// missing here belongs to an item already reported as broken.
struct Placed<'a> {
    targets: &'a LinkTargets,
    levels: HashMap<String, usize>,
    competencies: HashMap<String, usize>,
    archetypes: HashMap<String, usize>,
}

impl Placed<'_> {
    fn lookup(&self, kind: RefKind, id: &str) -> Lookup {
        let (placed, raw) = match kind {
            RefKind::Level => (&self.levels, &self.targets.levels),
            RefKind::Competency => (&self.competencies, &self.targets.competencies),
            RefKind::Archetype => (&self.archetypes, &self.targets.archetypes),
        };
        match placed.get(id) {
            Some(&index) => Lookup::Found(index),
            None if raw.contains_key(id) => Lookup::Broken,
            None => Lookup::Missing,
        }
    }
}

#[derive(Clone, Copy)]
enum RefKind {
    Level,
    Competency,
    Archetype,
}

impl RefKind {
    fn name(self) -> &'static str {
        match self {
            RefKind::Level => "level",
            RefKind::Competency => "competency",
            RefKind::Archetype => "archetype",
        }
    }
}

enum Lookup {
    Found(usize),
    /// The item exists but has its own error; do not report it twice.
    Broken,
    Missing,
}

fn config_file() -> String {
    crate::config::CONFIG_FILE.to_string()
}

/// Every id of the book, with its duplicates and invalid page paths reported.
fn link_targets(raw: &RawBook, ctx: &mut Resolver) -> LinkTargets {
    let (levels, keep_levels) =
        ctx.unique_ids(raw.levels.iter().map(|l| (&l.file, &l.id)), "level");
    let (competencies, keep_competencies) = ctx.unique_ids(
        raw.competencies.iter().map(|c| (&c.file, &c.id)),
        "competency",
    );
    let (archetypes, keep_archetypes) =
        ctx.unique_ids(raw.archetypes.iter().map(|a| (&a.file, &a.id)), "archetype");
    let (scorecards, keep_scorecards) =
        ctx.unique_ids(raw.scorecards.iter().map(|s| (&s.file, &s.id)), "scorecard");
    let mut pages = HashMap::new();
    for (index, page) in raw.pages.iter().enumerate() {
        if ctx.check_page_path(page) {
            pages.insert(page.path.clone(), index);
        }
    }
    let interviews = raw
        .scorecards
        .iter()
        .map(|s| {
            (
                s.id.value.clone(),
                s.interviews.iter().map(|i| i.id.value.clone()).collect(),
            )
        })
        .collect();
    let mut index = LinkTargets {
        levels,
        competencies,
        archetypes,
        scorecards,
        pages,
        interviews,
        keep_levels,
        keep_competencies,
        keep_archetypes,
        keep_scorecards,
    };
    // A file that could not be decoded is already reported; a link or
    // reference to it is not a second problem.
    for (kind, stem) in &raw.undecoded {
        let table = match kind {
            Kind::Level => &mut index.levels,
            Kind::Competency => &mut index.competencies,
            Kind::Archetype => &mut index.archetypes,
            Kind::Scorecard => &mut index.scorecards,
            Kind::Page => &mut index.pages,
            Kind::Index | Kind::Tracks => continue,
        };
        table.entry(stem.clone()).or_insert(UNDECODED);
    }
    index
}

struct Resolver<'a> {
    diagnostics: &'a mut Diagnostics,
    config: &'a Config,
}

impl Resolver<'_> {
    fn error(
        &mut self,
        code: &'static str,
        file: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report(Diagnostic::error(code, file, pos, message))
    }

    /// Records a diagnostic and hands it back so a hint can be attached.
    fn report(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.diagnostics.push(diagnostic);
        self.diagnostics.last_mut()
    }

    fn warning(
        &mut self,
        code: &'static str,
        file: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report(Diagnostic::warning(code, file, pos, message))
    }

    /// Checks id syntax and uniqueness; the first of duplicates wins.
    fn unique_ids<'r>(
        &mut self,
        items: impl Iterator<Item = (&'r String, &'r At<String>)>,
        kind: &str,
    ) -> (HashMap<String, usize>, Vec<bool>) {
        let mut seen: HashMap<String, (usize, String)> = HashMap::new();
        let mut keep = Vec::new();
        for (index, (file, id)) in items.enumerate() {
            if !self.check_id(file, id, kind) {
                let stem = std::path::Path::new(file).file_stem();
                if id.pos == Pos::new(1, 1) && stem.is_some_and(|s| *s == *id.value) {
                    // The id came from the file name (issue 22).
                    let slug = crate::markdown::slugify(&id.value);
                    let example = if is_valid_id(&slug) {
                        slug
                    } else {
                        "...".into()
                    };
                    let help = self.diagnostics.last_mut().help.get_or_insert_default();
                    help.push_str(&format!(
                        "; or keep the file name and set the id inside the file: `id: {example}`"
                    ));
                }
                keep.push(false);
                continue;
            }
            if let Some((_, first_file)) = seen.get(&id.value) {
                let first_file = first_file.clone();
                self.error(
                    "duplicate-id",
                    file,
                    id.pos,
                    format!("the {kind} id `{}` is already used", id.value),
                )
                .help = Some(format!(
                    "{first_file} has the same id; ids must be unique within their kind"
                ));
                keep.push(false);
                continue;
            }
            seen.insert(id.value.clone(), (index, file.clone()));
            keep.push(true);
        }
        (
            seen.into_iter()
                .map(|(id, (index, _))| (id, index))
                .collect(),
            keep,
        )
    }

    fn check_id(&mut self, file: &str, id: &At<String>, kind: &str) -> bool {
        if is_reserved_name(&id.value) {
            self.reserved_name(
                file,
                id.pos,
                &format!("`{}` cannot be a {kind} id", id.value),
            );
            return false;
        }
        if is_valid_id(&id.value) {
            return true;
        }
        let suggestion = crate::markdown::slugify(&id.value);
        self.error(
            "invalid-id",
            file,
            id.pos,
            format!("`{}` is not a valid {kind} id", id.value),
        )
        .help = Some(format!(
            "ids use lowercase letters, digits and `-`, start with a letter or digit, at most 64 characters{}",
            if is_valid_id(&suggestion) && !is_reserved_name(&suggestion) {
                format!(" (e.g. `{suggestion}`)")
            } else {
                String::new()
            }
        ));
        false
    }

    fn reserved_name(&mut self, file: &str, pos: Pos, what: &str) {
        self.error(
            "invalid-id",
            file,
            pos,
            format!("{what}: it is a device name on Windows"),
        )
        .help = Some(
            "ids become file names of the site; `con`, `prn`, `aux`, `nul`, `com1`-`com9` and `lpt1`-`lpt9` cannot be opened as files on Windows, so choose another id".into(),
        );
    }

    fn check_page_path(&mut self, page: &RawPage) -> bool {
        if let Some(part) = page.path.split('/').find(|part| is_reserved_name(part)) {
            let what = format!("the page path segment `{part}` cannot be used");
            self.reserved_name(&page.file, Pos::new(1, 1), &what);
            return false;
        }
        let bad = page.path.split('/').find(|part| !is_valid_id(part));
        if let Some(part) = bad {
            let suggestion = crate::markdown::slugify(part);
            self.error(
                "invalid-id",
                &page.file,
                Pos::new(1, 1),
                format!("the page path segment `{part}` is not a valid id"),
            )
            .help = Some(format!(
                "page paths are their addresses: rename the file or folder with lowercase letters, digits and `-`{}",
                if is_valid_id(&suggestion) && !is_reserved_name(&suggestion) {
                    format!(" (e.g. `{suggestion}`)")
                } else {
                    String::new()
                }
            ));
            return false;
        }
        true
    }

    fn markdown(
        &mut self,
        file: &str,
        md: &Md,
        inline: bool,
        links: &LinkTargets,
    ) -> (Html, Vec<markdown::Heading>, Vec<markdown::Section>) {
        let options = MarkdownOptions {
            allow_html: self.config.markdown.allow_html,
            inline,
            plain: true,
        };
        let rendered = markdown::render(&md.text, options, links);
        report_markdown_problems(self.diagnostics, file, md, &rendered.problems);
        let html = Html {
            html: rendered.html,
            plain: rendered.plain,
            source: md.text.clone(),
        };
        (html, rendered.headings, rendered.sections)
    }

    fn md(
        &mut self,
        file: &str,
        md: &Option<Md>,
        inline: bool,
        links: &LinkTargets,
    ) -> Option<Html> {
        md.as_ref()
            .map(|md| self.markdown(file, md, inline, links).0)
    }

    fn md_list(&mut self, file: &str, items: &[Md], links: &LinkTargets) -> Vec<Html> {
        items
            .iter()
            .map(|md| self.markdown(file, md, true, links).0)
            .collect()
    }

    fn tracks(&mut self, raw: &RawBook) -> Vec<(Track, Pos)> {
        let Some((file, raw_tracks)) = &raw.tracks else {
            return vec![(
                Track {
                    id: DEFAULT_TRACK.into(),
                    name: "Levels".into(),
                    description: None,
                    levels: Vec::new(),
                },
                Pos::default(),
            )];
        };
        let mut seen = HashMap::new();
        let mut tracks = Vec::new();
        for track in raw_tracks {
            if !self.check_id(file, &track.id, "track") {
                continue;
            }
            if seen.insert(track.id.value.clone(), ()).is_some() {
                self.error(
                    "duplicate-id",
                    file,
                    track.id.pos,
                    format!("the track id `{}` is already used", track.id.value),
                )
                .help = Some("give each track its own id".into());
                continue;
            }
            tracks.push((
                Track {
                    id: track.id.value.clone(),
                    name: track.name.value.clone(),
                    description: None,
                    levels: Vec::new(),
                },
                track.id.pos,
            ));
        }
        tracks
    }

    fn levels(
        &mut self,
        raw: &RawBook,
        tracks: Vec<(Track, Pos)>,
        targets: &LinkTargets,
    ) -> (Vec<Level>, Vec<Track>) {
        let mut tracks: Vec<Track> = tracks.into_iter().map(|(track, _)| track).collect();
        // Descriptions need the link resolver, so they are rendered here.
        if let Some((file, raw_tracks)) = &raw.tracks {
            for track in &mut tracks {
                if let Some(raw_track) = raw_tracks.iter().find(|t| t.id.value == track.id) {
                    track.description = self.md(file, &raw_track.description, false, targets);
                }
            }
        }
        let track_ids: Vec<&str> = tracks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>();
        let track_ids: Vec<String> = track_ids.iter().map(|s| s.to_string()).collect();
        let several = raw.tracks.is_some();
        let mut placed: Vec<(usize, &RawLevel)> = Vec::new();
        let mut ranks: HashMap<(usize, i64), &RawLevel> = HashMap::new();
        for (raw_level, keep) in raw.levels.iter().zip(&targets.keep_levels) {
            if !keep {
                continue;
            }
            if several && track_ids.is_empty() {
                // tracks.yaml is broken and already reported: no level can be placed.
                continue;
            }
            let track = match (&raw_level.track, several) {
                (None, false) => 0,
                (Some(track), false) => {
                    self.error(
                        "unknown-track",
                        &raw_level.file,
                        track.pos,
                        format!("unknown track `{}`", track.value),
                    )
                    .help = Some(
                        "this book has no tracks.yaml, so levels take no `track` field".into(),
                    );
                    continue;
                }
                (None, true) => {
                    if track_ids.len() == 1 {
                        0
                    } else {
                        self.error(
                            "missing-field",
                            &raw_level.file,
                            raw_level.pos,
                            "a level is missing the required field `track`",
                        )
                        .help = Some(format!(
                            "this book has several tracks; add a line `track: ...` with one of: {}",
                            track_ids.join(", ")
                        ));
                        continue;
                    }
                }
                (Some(track), true) => match track_ids.iter().position(|id| *id == track.value) {
                    Some(index) => index,
                    None => {
                        let known: Vec<&str> = track_ids.iter().map(String::as_str).collect();
                        self.error(
                            "unknown-track",
                            &raw_level.file,
                            track.pos,
                            format!("unknown track `{}`", track.value),
                        )
                        .help = Some(match did_you_mean(&track.value, &known) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None => format!("the tracks in tracks.yaml are: {}", known.join(", ")),
                        });
                        continue;
                    }
                },
            };
            if let Some(other) = ranks.get(&(track, raw_level.rank.value)) {
                let other_file = other.file.clone();
                self.error(
                    "duplicate-rank",
                    &raw_level.file,
                    raw_level.rank.pos,
                    format!(
                        "rank {} is already taken in the `{}` track",
                        raw_level.rank.value, track_ids[track]
                    ),
                )
                .help = Some(format!(
                    "{other_file} has the same rank; give each level of a track its own rank"
                ));
                continue;
            }
            ranks.insert((track, raw_level.rank.value), raw_level);
            placed.push((track, raw_level));
        }
        placed.sort_by_key(|(track, level)| (*track, level.rank.value));
        let mut levels: Vec<Level> = placed
            .iter()
            .map(|(track, raw_level)| {
                let (body, headings, sections) =
                    self.markdown(&raw_level.file, &raw_level.body, false, targets);
                Level {
                    id: raw_level.id.value.clone(),
                    title: raw_level.title.value.clone(),
                    code: raw_level.code.as_ref().map(|c| c.value.clone()),
                    track: *track,
                    rank: raw_level.rank.value,
                    summary: self.md(&raw_level.file, &raw_level.summary, true, targets),
                    years: raw_level.years.as_ref().map(|y| y.value.clone()),
                    equivalent: None,
                    body,
                    headings,
                    sections,
                    previous: None,
                    next: None,
                }
            })
            .collect();
        for index in 0..levels.len() {
            tracks[levels[index].track].levels.push(index);
            if index > 0 && levels[index - 1].track == levels[index].track {
                levels[index].previous = Some(index - 1);
                levels[index - 1].next = Some(index);
            }
        }
        for (index, (_, raw_level)) in placed.iter().enumerate() {
            let Some(equivalent) = &raw_level.equivalent else {
                continue;
            };
            match levels.iter().position(|l| l.id == equivalent.value) {
                Some(other) if levels[other].track == levels[index].track => {
                    self.error(
                        "invalid-equivalent",
                        &raw_level.file,
                        equivalent.pos,
                        format!("`{}` is in the same track; `equivalent` names a level of another track", equivalent.value),
                    )
                    .help = Some(if tracks.len() > 1 {
                        "name the level of another track at the same scope, or remove `equivalent`".into()
                    } else {
                        "this book has one track, so its levels have no equivalents; remove `equivalent`".into()
                    });
                }
                Some(other) => levels[index].equivalent = Some(other),
                // A level left out for its own error is not unknown.
                None if targets.levels.contains_key(&equivalent.value) => {}
                None => self.unknown_reference(
                    &raw_level.file,
                    equivalent,
                    "level",
                    targets.levels.keys(),
                ),
            }
        }
        (levels, tracks)
    }

    fn unknown_reference<'k>(
        &mut self,
        file: &str,
        reference: &At<String>,
        kind: &str,
        known: impl Iterator<Item = &'k String>,
    ) {
        let mut known: Vec<&str> = known.map(String::as_str).collect();
        known.sort_unstable();
        let help = match did_you_mean(&reference.value, &known) {
            Some(close) => format!("did you mean `{close}`?"),
            None if known.is_empty() => format!("this book has no {kind} yet"),
            None if known.len() <= 12 => format!("the {kind} ids are: {}", known.join(", ")),
            None => format!("check the file names under content/ for the {kind} ids"),
        };
        self.error(
            "unknown-reference",
            file,
            reference.pos,
            format!("there is no {kind} `{}`", reference.value),
        )
        .help = Some(help);
    }

    fn competencies(
        &mut self,
        raw: &RawBook,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> (Vec<Area>, Vec<Competency>) {
        let configured: Vec<String> = self
            .config
            .ladder
            .areas
            .iter()
            .map(|a| a.value.clone())
            .collect();
        let mut area_names: Vec<String> = configured.clone();
        let mut competencies: Vec<Competency> = Vec::new();
        for (raw_competency, keep) in raw.competencies.iter().zip(&targets.keep_competencies) {
            if !keep {
                continue;
            }
            let file = &raw_competency.file;
            let area_name = &raw_competency.area;
            if !configured.is_empty() && !configured.contains(&area_name.value) {
                let known: Vec<&str> = configured.iter().map(String::as_str).collect();
                self.warning(
                    "unlisted-area",
                    file,
                    area_name.pos,
                    format!(
                        "the area `{}` is not listed in book.toml's [ladder] areas",
                        area_name.value
                    ),
                )
                .help = Some(match did_you_mean(&area_name.value, &known) {
                    Some(close) => format!(
                        "did you mean `{close}`? Unlisted areas are shown after the listed ones"
                    ),
                    None => "add it to `[ladder] areas` to place it; unlisted areas are shown last"
                        .into(),
                });
            }
            let area = match area_names.iter().position(|a| *a == area_name.value) {
                Some(index) => index,
                None => {
                    area_names.push(area_name.value.clone());
                    area_names.len() - 1
                }
            };
            let cells = self.cells(raw_competency, levels, targets);
            competencies.push(Competency {
                id: raw_competency.id.value.clone(),
                name: raw_competency.name.value.clone(),
                area,
                summary: self.md(file, &raw_competency.summary, true, targets),
                description: self.md(file, &raw_competency.description, false, targets),
                cells,
            });
        }
        // A competency that failed to load may be the one of an area, and
        // without a content folder every area is empty: both are reported.
        let unsure = raw
            .undecoded
            .iter()
            .any(|(kind, _)| *kind == Kind::Competency)
            || self.diagnostics.iter().any(|d| d.code == "missing-content");
        for area in &self.config.ladder.areas {
            if !unsure
                && !competencies
                    .iter()
                    .any(|c| area_names[c.area] == area.value)
            {
                self.warning(
                    "empty-area",
                    crate::config::CONFIG_FILE,
                    area.pos,
                    format!("no competency is in the area `{}`", area.value),
                )
                .help = Some(
                    "remove it from `[ladder] areas` or set a competency's `area` to it".into(),
                );
            }
        }
        // Unlisted areas come after the listed ones, alphabetically, so the
        // order never depends on the order files were read in.
        let mut order: Vec<usize> = (0..area_names.len()).collect();
        order.sort_by(|&a, &b| {
            let listed = |i: usize| i < configured.len();
            (
                !listed(a),
                if listed(a) {
                    String::new()
                } else {
                    area_names[a].clone()
                },
                a,
            )
                .cmp(&(
                    !listed(b),
                    if listed(b) {
                        String::new()
                    } else {
                        area_names[b].clone()
                    },
                    b,
                ))
        });
        let mut position = vec![0; area_names.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        for competency in &mut competencies {
            competency.area = position[competency.area];
        }
        competencies.sort_by(|a, b| (a.area, &a.name, &a.id).cmp(&(b.area, &b.name, &b.id)));
        let mut areas: Vec<Area> = order
            .iter()
            .map(|&old| Area {
                name: area_names[old].clone(),
                slug: crate::markdown::slugify(&area_names[old]),
                competencies: Vec::new(),
            })
            .collect();
        for (index, competency) in competencies.iter().enumerate() {
            areas[competency.area].competencies.push(index);
        }
        areas.retain(|area| !area.competencies.is_empty());
        for (new_index, area) in areas.iter().enumerate() {
            for &c in &area.competencies {
                competencies[c].area = new_index;
            }
        }
        (areas, competencies)
    }

    /// Own entries, then carry-over: a level with no entry takes the nearest
    /// lower rank's entry in its track (spec, competencies/<id>.yaml).
    fn cells(
        &mut self,
        raw: &RawCompetency,
        levels: &[Level],
        targets: &LinkTargets,
    ) -> Vec<Option<Cell>> {
        let file = &raw.file;
        let mut cells: Vec<Option<Cell>> = vec![None; levels.len()];
        if raw.expectations.is_empty() {
            self.error(
                "no-expectations",
                file,
                raw.expectations_pos,
                format!("the competency `{}` has no expectations", raw.id.value),
            )
            .help = Some(
                "add `expectations:` with at least one `<level-id>: <what is expected>` entry"
                    .into(),
            );
            return cells;
        }
        for expectation in &raw.expectations {
            let Some(level) = levels.iter().position(|l| l.id == expectation.level.value) else {
                if !targets.levels.contains_key(&expectation.level.value) {
                    self.unknown_reference(
                        file,
                        &expectation.level,
                        "level",
                        targets.levels.keys(),
                    );
                }
                continue;
            };
            if expectation.items.is_empty() {
                self.error(
                    "empty-field",
                    file,
                    expectation.level.pos,
                    "this expectation is empty",
                )
                .help = Some(
                    "write what is expected, or remove the entry to carry the lower level's over"
                        .into(),
                );
                continue;
            }
            let items = self.md_list(file, &expectation.items, targets);
            cells[level] = Some(Cell {
                items,
                source_level: level,
            });
        }
        for index in 0..levels.len() {
            if cells[index].is_none()
                && let Some(previous) = levels[index].previous
            {
                cells[index] = cells[previous].clone();
            }
        }
        cells
    }

    /// Resolves one reference; reports it when it points nowhere.
    fn reference(
        &mut self,
        file: &str,
        reference: &At<String>,
        kind: RefKind,
        placed: &Placed,
    ) -> Option<usize> {
        match placed.lookup(kind, &reference.value) {
            Lookup::Found(index) => Some(index),
            Lookup::Broken => None,
            Lookup::Missing => {
                let known = match kind {
                    RefKind::Level => placed.targets.levels.keys(),
                    RefKind::Competency => placed.targets.competencies.keys(),
                    RefKind::Archetype => placed.targets.archetypes.keys(),
                };
                self.unknown_reference(file, reference, kind.name(), known);
                None
            }
        }
    }

    fn archetypes(&mut self, raw: &RawBook, placed: &Placed) -> Vec<Archetype> {
        let mut archetypes = Vec::new();
        for (raw_archetype, keep) in raw.archetypes.iter().zip(&placed.targets.keep_archetypes) {
            if !*keep {
                continue;
            }
            let file = &raw_archetype.file;
            let mut emphasis = Vec::new();
            for (competency, weight) in &raw_archetype.emphasis {
                let Some(index) = self.reference(file, competency, RefKind::Competency, placed)
                else {
                    continue;
                };
                if !(1..=5).contains(&weight.value) {
                    self.error(
                        "invalid-weight",
                        file,
                        weight.pos,
                        format!("emphasis weight {} is out of range", weight.value),
                    )
                    .help = Some("weights are whole numbers from 1 (light) to 5 (defining)".into());
                    continue;
                }
                emphasis.push((index, weight.value as u8));
            }
            emphasis.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let levels = self.level_refs(file, &raw_archetype.levels, placed);
            let (body, headings, sections) =
                self.markdown(file, &raw_archetype.body, false, placed.targets);
            archetypes.push(Archetype {
                id: raw_archetype.id.value.clone(),
                name: raw_archetype.name.value.clone(),
                tagline: self.md(file, &raw_archetype.tagline, true, placed.targets),
                emphasis,
                levels,
                body,
                headings,
                sections,
            });
        }
        archetypes.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        archetypes
    }

    /// Level references in source order, unknown ones reported.
    fn level_refs(&mut self, file: &str, refs: &[At<String>], placed: &Placed) -> Vec<usize> {
        refs.iter()
            .filter_map(|reference| self.reference(file, reference, RefKind::Level, placed))
            .collect()
    }

    fn scorecards(&mut self, raw: &RawBook, placed: &Placed) -> Vec<Scorecard> {
        let mut scorecards = Vec::new();
        for (raw_card, keep) in raw.scorecards.iter().zip(&placed.targets.keep_scorecards) {
            if *keep {
                scorecards.push(self.scorecard(raw_card, placed));
            }
        }
        scorecards.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
        scorecards
    }

    fn scorecard(&mut self, raw: &RawScorecard, placed: &Placed) -> Scorecard {
        let file = &raw.file;
        let levels = self.level_refs(file, &raw.levels, placed);
        let archetype = raw
            .archetype
            .as_ref()
            .and_then(|reference| self.reference(file, reference, RefKind::Archetype, placed));
        let scale = match &raw.scale {
            None => default_scale(),
            Some(steps) => self.scale(file, steps),
        };
        let mut dimensions = Vec::new();
        let mut dimension_ids: Vec<&At<String>> = Vec::new();
        // Dimensions whose competency is unknown or failed to load: already
        // reported, so a focus on them is not a second error (issue 22).
        let mut dropped: Vec<&str> = Vec::new();
        for dimension in &raw.dimensions {
            let Some(competency) =
                self.reference(file, &dimension.competency, RefKind::Competency, placed)
            else {
                dropped.push(&dimension.competency.value);
                continue;
            };
            if dimension_ids
                .iter()
                .any(|d| d.value == dimension.competency.value)
            {
                self.error(
                    "duplicate-dimension",
                    file,
                    dimension.competency.pos,
                    format!(
                        "`{}` is already a dimension of this scorecard",
                        dimension.competency.value
                    ),
                )
                .help = Some("merge the two dimensions into one".into());
                continue;
            }
            dimension_ids.push(&dimension.competency);
            dimensions.push(Dimension {
                competency,
                meets: self.md(file, &dimension.meets, false, placed.targets),
                exceeds: self.md(file, &dimension.exceeds, false, placed.targets),
            });
        }
        let mut interviews = Vec::new();
        let mut interview_ids: HashMap<&str, ()> = HashMap::new();
        let mut focus_broken = false;
        for interview in &raw.interviews {
            if !self.check_id(file, &interview.id, "interview") {
                continue;
            }
            if interview_ids.insert(&interview.id.value, ()).is_some() {
                self.error("duplicate-id", file, interview.id.pos, format!("the interview id `{}` is already used", interview.id.value))
                    .help = Some("give each interview of a scorecard its own id; it is the anchor of its section".into());
                continue;
            }
            let mut focus = Vec::new();
            for reference in &interview.focus {
                match dimension_ids
                    .iter()
                    .position(|d| d.value == reference.value)
                {
                    Some(index) => focus.push(index),
                    None if dropped.contains(&reference.value.as_str()) => focus_broken = true,
                    None => {
                        focus_broken = true;
                        let known: Vec<&str> =
                            dimension_ids.iter().map(|d| d.value.as_str()).collect();
                        self.error(
                            "focus-not-dimension",
                            file,
                            reference.pos,
                            format!(
                                "`{}` is not one of this scorecard's dimensions",
                                reference.value
                            ),
                        )
                        .help = Some(match did_you_mean(&reference.value, &known) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None => format!(
                                "add a dimension `- competency: {}` or focus on one of: {}",
                                reference.value,
                                known.join(", ")
                            ),
                        });
                    }
                }
            }
            if let Some(minutes) = &interview.minutes
                && !(1..=1440).contains(&minutes.value)
            {
                self.error(
                    "invalid-minutes",
                    file,
                    minutes.pos,
                    format!(
                        "{} minutes is not a plausible interview length",
                        minutes.value
                    ),
                )
                .help = Some("give the length in minutes, from 1 to 1440".into());
            }
            interviews.push(Interview {
                id: interview.id.value.clone(),
                title: interview.title.value.clone(),
                minutes: interview.minutes.as_ref().map(|m| m.value),
                brief: self.md(file, &interview.brief, false, placed.targets),
                focus,
                questions: self.md_list(file, &interview.questions, placed.targets),
            });
        }
        // With a broken focus, "uncovered" would mostly repeat that error.
        for (index, dimension) in dimension_ids.iter().enumerate() {
            if !focus_broken
                && !interviews
                    .iter()
                    .any(|interview| interview.focus.contains(&index))
            {
                self.warning(
                    "uncovered-dimension",
                    file,
                    dimension.pos,
                    format!(
                        "no interview focuses on the dimension `{}`",
                        dimension.value
                    ),
                )
                .help =
                    Some("add it to the `focus` of an interview, or nobody will rate it".into());
            }
        }
        Scorecard {
            id: raw.id.value.clone(),
            title: raw.title.value.clone(),
            levels,
            archetype,
            scale,
            dimensions,
            interviews,
            signals: Signals {
                strong: self.md_list(file, &raw.signals.strong, placed.targets),
                weak: self.md_list(file, &raw.signals.weak, placed.targets),
                red_flags: self.md_list(file, &raw.signals.red_flags, placed.targets),
            },
        }
    }

    fn scale(&mut self, file: &str, steps: &[RawScaleStep]) -> Vec<ScaleStep> {
        let mut scale: Vec<ScaleStep> = Vec::new();
        for step in steps {
            if !self.check_id(file, &step.id, "scale step") {
                continue;
            }
            if scale.iter().any(|s| s.id == step.id.value) {
                self.error(
                    "duplicate-id",
                    file,
                    step.id.pos,
                    format!("the scale id `{}` is already used", step.id.value),
                )
                .help = Some("give each step of the scale its own id".into());
                continue;
            }
            if let Some(last) = scale.last()
                && step.value.value <= last.value
            {
                self.error(
                    "scale-order",
                    file,
                    step.value.pos,
                    format!(
                        "scale value {} does not increase (the step before is {})",
                        step.value.value, last.value
                    ),
                )
                .help =
                    Some("list steps from worst to best with strictly increasing values".into());
                continue;
            }
            scale.push(ScaleStep {
                id: step.id.value.clone(),
                label: step.label.value.clone(),
                value: step.value.value,
            });
        }
        if scale.len() == 1 {
            self.error(
                "scale-too-short",
                file,
                steps[0].id.pos,
                "a rating scale needs at least two steps",
            );
        }
        scale
    }

    /// Guides keep their Markdown, rendered (and their links checked) when
    /// their pages are written.
    fn pages(&mut self, raw_pages: Vec<RawPage>) -> (Vec<Page>, Vec<NavNode>) {
        let mut pages: Vec<Page> = raw_pages
            .into_iter()
            .filter(|page| page.path.split('/').all(is_valid_id))
            .map(|raw_page| Page {
                path: raw_page.path,
                title: raw_page.title.map(|t| t.value).unwrap_or_default(),
                order: raw_page.order.map_or(i64::MAX, |o| o.value),
                file: raw_page.file,
                body: raw_page.body,
            })
            .collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        let nav = build_nav(&pages);
        (pages, nav)
    }

    fn intro(&mut self, raw: &RawPage, links: &LinkTargets) -> Intro {
        let (body, _, sections) = self.markdown(&raw.file, &raw.body, false, links);
        Intro {
            title: raw
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            body,
            sections,
        }
    }
}

/// Markdown problems at their exact line where the text is a file body.
fn report_markdown_problems(
    diagnostics: &mut Diagnostics,
    file: &str,
    md: &Md,
    problems: &[markdown::MarkdownProblem],
) {
    for diagnostic in markdown_diagnostics(file, md, problems) {
        diagnostics.push(diagnostic);
    }
}

/// Problems found in a Markdown text, at their place in `file` when the
/// text stands there line for line, else at the start of the value.
pub fn markdown_diagnostics(
    file: &str,
    md: &Md,
    problems: &[markdown::MarkdownProblem],
) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|problem| {
            let pos = if md.line_based {
                let before = &md.text[..problem.offset.min(md.text.len())];
                let line = before.matches('\n').count() as u32;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
                Pos::new(md.pos.line + line, md.pos.col + col)
            } else {
                md.pos
            };
            let mut diagnostic =
                Diagnostic::error(problem.code, file, pos, problem.problem.message.clone());
            diagnostic.help = problem.problem.help.clone();
            diagnostic
        })
        .collect()
}

/// The broken links of every guide. Guides' links are checked as their
/// pages render; this is for a book that already has other errors, so that
/// one run still reports every problem.
pub fn guide_link_problems(book: &Book) -> Vec<Diagnostic> {
    let per_page: Vec<Vec<Diagnostic>> = book
        .pages
        .par_iter()
        .map(|page| {
            let problems = markdown::link_problems(&page.body.text, &book.links);
            markdown_diagnostics(&page.file, &page.body, &problems)
        })
        .collect();
    per_page.into_iter().flatten().collect()
}

/// Folders and pages as a tree; siblings by `order`, then title.
fn build_nav(pages: &[Page]) -> Vec<NavNode> {
    #[derive(Default)]
    struct Folder {
        page: Option<usize>,
        children: BTreeMap<String, Folder>,
    }
    let mut root = Folder::default();
    for (index, page) in pages.iter().enumerate() {
        let mut folder = &mut root;
        for part in page.path.split('/') {
            folder = folder.children.entry(part.to_string()).or_default();
        }
        folder.page = Some(index);
    }
    fn to_nodes(folder: &Folder, prefix: &str, pages: &[Page]) -> Vec<NavNode> {
        let mut nodes: Vec<(i64, NavNode)> = folder
            .children
            .iter()
            .filter(|(name, _)| name.as_str() != "index" || prefix.is_empty())
            .map(|(name, child)| {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}/{name}")
                };
                // A folder's own page is `folder.md` beside it or `folder/index.md` inside it.
                let page = child
                    .page
                    .or_else(|| child.children.get("index").and_then(|i| i.page));
                let title = page.map_or_else(|| title_case(name), |p| pages[p].title.clone());
                let order = page.map_or(i64::MAX, |p| pages[p].order);
                let node = NavNode {
                    page,
                    title,
                    path: path.clone(),
                    children: to_nodes(child, &path, pages),
                };
                (order, node)
            })
            .collect();
        nodes.sort_by(|a, b| (a.0, &a.1.title, &a.1.path).cmp(&(b.0, &b.1.title, &b.1.path)));
        nodes.into_iter().map(|(_, node)| node).collect()
    }
    to_nodes(&root, "", pages)
}

fn title_case(name: &str) -> String {
    let spaced = name.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_spec() {
        for good in ["sre-1", "a", "0", "slo-guard", &"a".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "Sre",
            "a_b",
            "a/b",
            "..",
            "a.b",
            &"a".repeat(65),
            "é",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn windows_device_names_are_reserved() {
        for reserved in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"] {
            assert!(is_reserved_name(reserved), "{reserved}");
        }
        for fine in [
            "com", "com0", "com10", "lpt", "console", "null", "nul-1", "aux2",
        ] {
            assert!(!is_reserved_name(fine), "{fine}");
        }
    }
}
