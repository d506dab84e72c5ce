//! Raw items → the validated [`Book`]: ids checked, references resolved,
//! carried-over expectations filled in, Markdown rendered once.
//!
//! Every broken rule is a diagnostic; an item with a broken reference keeps
//! its other data so later rules still run and report their own problems.
//!
//! The stages run in the order of `resolve`: ids (`ids`), tracks and levels
//! (`levels`), competencies and their cells (`competencies`), archetypes,
//! scorecards, level-wide aspects (`aspects`), then guides and the home page (`pages`); each file adds its
//! methods to the one `Resolver`, which holds the diagnostics and the
//! shared helpers (Markdown fields, references).

mod archetypes;
mod aspects;
mod competencies;
mod ids;
mod levels;
mod pages;
mod roles;
mod scorecards;

use std::collections::HashMap;

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

pub use ids::{is_reserved_name, is_valid_id};

/// Everything `resolve` needs besides the raw items.
pub struct ResolveInput {
    pub config: Config,
    pub raw: RawBook,
    pub statics: Vec<StaticFile>,
    pub version: String,
    /// See [`Book::inputs`].
    pub inputs: u128,
}

pub fn resolve(input: ResolveInput, diagnostics: &mut Diagnostics) -> Book {
    let ResolveInput {
        config,
        mut raw,
        statics,
        version,
        inputs,
    } = input;
    let mut ctx = Resolver {
        diagnostics,
        config: &config,
    };
    let targets = link_targets(&raw, &mut ctx);
    let tracks = ctx.tracks(&raw);
    let (levels, tracks) = ctx.levels(&raw, tracks, &targets);
    let (mut areas, mut competencies) = ctx.competencies(&raw, &levels, &targets);
    let mut placed = Placed {
        targets: &targets,
        levels: index_by_id(levels.iter().map(|l| &l.id)),
        competencies: index_by_id(competencies.iter().map(|c| &c.id)),
        archetypes: HashMap::new(),
        scorecards: HashMap::new(),
    };
    let archetypes = ctx.archetypes(&raw, &placed);
    placed.archetypes = index_by_id(archetypes.iter().map(|a| &a.id));
    let scorecards = ctx.scorecards(&raw, &placed);
    ctx.aspects(
        &raw,
        &levels,
        &targets,
        aspects::Ladder {
            areas: &mut areas,
            competencies: &mut competencies,
        },
    );
    placed.scorecards = index_by_id(scorecards.iter().map(|s| &s.id));
    let role_book = roles::RoleBook {
        levels: &levels,
        archetypes: &archetypes,
        scorecards: &scorecards,
        has_pay: raw.pay.is_some(),
    };
    let roles = ctx.roles(&raw, &placed, role_book);
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
        roles,
        pages,
        nav,
        index,
        links: targets,
        statics,
        version,
        inputs,
        history: None,
        pay: None,
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
    scorecards: HashMap<String, usize>,
}

impl Placed<'_> {
    fn lookup(&self, kind: RefKind, id: &str) -> Lookup {
        let (placed, raw) = match kind {
            RefKind::Level => (&self.levels, &self.targets.levels),
            RefKind::Competency => (&self.competencies, &self.targets.competencies),
            RefKind::Archetype => (&self.archetypes, &self.targets.archetypes),
            RefKind::Scorecard => (&self.scorecards, &self.targets.scorecards),
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
    Scorecard,
}

impl RefKind {
    fn name(self) -> &'static str {
        match self {
            RefKind::Level => "level",
            RefKind::Competency => "competency",
            RefKind::Archetype => "archetype",
            RefKind::Scorecard => "scorecard",
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
            Kind::Index | Kind::Tracks | Kind::Pay | Kind::Role => continue,
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
                    RefKind::Scorecard => placed.targets.scorecards.keys(),
                };
                self.unknown_reference(file, reference, kind.name(), known);
                None
            }
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
