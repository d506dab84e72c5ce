//! The whole team report: every stage run over the checked files, with
//! ids and names in place of indices, so the formats need no `Book`.

use serde::Serialize;

use crate::content::model::Book;
use crate::filled::assessment::{Assessment, RATINGS, expectations};
use crate::report::envelope::BookRef;
use crate::team::basis::{Against, basis, keyed_ratings};
use crate::team::coverage::{Member, coverage};
use crate::team::disagreements::compare;
use crate::team::people::{Person, group_people};
use crate::team::profile::{Profile, profiles};
use crate::team::readiness::readiness;
use crate::team::round2;
use crate::team::specialisms::{COVERS, fits};

#[derive(Debug, Clone, Serialize)]
pub struct Team {
    #[serde(skip)]
    pub book: BookRef,
    /// What the heatmap, coverage and specialisms rate people against.
    pub rated_against: RatedAgainst,
    pub people: Vec<PersonRow>,
    /// The heatmap's columns: every competency some person's level expects.
    pub competencies: Vec<CompetencyRef>,
    pub coverage: Vec<CoverageRow>,
    pub archetypes: Vec<ArchetypeRow>,
    pub readiness: Vec<ReadinessRow>,
    pub disagreements: Vec<DisagreementRow>,
    /// Files made against another version of the ladder.
    pub notices: Vec<Notice>,
}

impl Team {
    /// How many competencies one person or nobody holds.
    pub fn single_points_of_failure(&self) -> usize {
        self.coverage
            .iter()
            .filter(|c| c.single_point_of_failure)
            .count()
    }

    /// How many of the book's archetypes nobody covers.
    pub fn uncovered_archetypes(&self) -> usize {
        self.archetypes
            .iter()
            .filter(|a| a.covered_by.is_empty())
            .count()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RatedAgainst {
    /// `level`: one level for everyone (`--level`); `current-level`: each
    /// person's current level where their file covers it, else the level
    /// the file rates.
    pub rule: &'static str,
    /// The level given with `--level`.
    pub level: Option<LevelRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompetencyRef {
    pub id: String,
    pub name: String,
    pub area: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelRef {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub name: String,
    /// The file the report reads for this person.
    pub file: String,
    pub perspective: Option<&'static str>,
    pub assessor: Option<String>,
    /// The level the file rates.
    pub level: LevelRef,
    pub current_level: Option<LevelRef>,
    /// The level the heatmap, coverage and specialisms rate this person against.
    pub rated_against: LevelRef,
    /// Expectations of that level the file holds no entry for (counted as
    /// "not yet"): 0 unless `--level` names a level the file did not rate,
    /// or the file lacks entries of its own level.
    pub not_in_file: usize,
    /// One cell per column of `competencies`: `None` where the level rated
    /// against does not expect it.
    pub heatmap: Vec<Option<Cell>>,
    /// The best-fitting archetype, with its fit.
    pub specialism: Option<Fit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub mean: f64,
    pub met: usize,
    pub items: usize,
    pub meets: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub archetype: String,
    pub name: String,
    pub fit: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    pub competency: String,
    pub name: String,
    pub holders: Vec<String>,
    pub assessed: usize,
    pub single_point_of_failure: bool,
    pub could_grow: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArchetypeRow {
    pub archetype: String,
    pub name: String,
    /// Those whose fit reaches the covering threshold, best first.
    pub covered_by: Vec<String>,
    /// Every person's fit, in the order of `people`.
    pub fits: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessRow {
    pub person: String,
    pub level: LevelRef,
    pub met: usize,
    pub total: usize,
    pub share: f64,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub key: String,
    pub competency: String,
    pub text: String,
    pub rating: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisagreementRow {
    pub person: String,
    pub self_file: String,
    pub manager_file: String,
    pub level: LevelRef,
    pub apart: Vec<ApartRow>,
    pub one_step: usize,
    pub agreed: usize,
    /// Self − manager, mean over what both rated: above 0, the person rates
    /// themselves higher.
    pub mean_difference: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApartRow {
    pub key: String,
    pub competency: String,
    pub text: String,
    #[serde(rename = "self")]
    pub self_rating: &'static str,
    pub manager: &'static str,
    pub self_notes: Option<String>,
    pub manager_notes: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub file: String,
    pub filled_version: String,
    /// Expectation keys the file rated that its level no longer has.
    pub removed: Vec<String>,
}

fn level_ref(book: &Book, level: usize) -> LevelRef {
    let level = &book.levels[level];
    LevelRef {
        id: level.id.clone(),
        label: format!("{} · {}", level.label(), level.title),
    }
}

/// One person as the heatmap sees them: the level rated against, what
/// their file lacks of it, and their profile there.
struct Rated {
    level: usize,
    not_in_file: usize,
    profiles: Vec<Profile>,
}

fn rated(book: &Book, file: &Assessment, against: Against) -> Rated {
    let keyed = keyed_ratings(book, file);
    let (level, not_in_file) = basis(book, file, &keyed, against);
    Rated {
        level,
        not_in_file,
        profiles: profiles(book, &keyed, level),
    }
}

/// The report over checked files (at least one), rated `against`.
pub fn team_report(book: &Book, files: &[Assessment], against: Against) -> Team {
    let people = group_people(files);
    let rated: Vec<Rated> = people
        .iter()
        .map(|p| rated(book, &files[p.primary], against))
        .collect();
    let members: Vec<Member> = people
        .iter()
        .zip(&rated)
        .map(|(p, rated)| Member {
            name: &p.name,
            profiles: &rated.profiles,
        })
        .collect();
    let columns: Vec<usize> = (0..book.competencies.len())
        .filter(|c| {
            rated
                .iter()
                .flat_map(|r| &r.profiles)
                .any(|p| p.competency == *c)
        })
        .collect();
    let fits = fits(&book.archetypes, &members);
    Team {
        book: BookRef::of(book),
        rated_against: match against {
            Against::EachCurrent => RatedAgainst {
                rule: "current-level",
                level: None,
            },
            Against::Level(level) => RatedAgainst {
                rule: "level",
                level: Some(level_ref(book, level)),
            },
        },
        people: people
            .iter()
            .enumerate()
            .map(|(i, p)| person_row(book, files, p, &rated[i], &columns, &fits, i))
            .collect(),
        competencies: columns
            .iter()
            .map(|&c| {
                let competency = &book.competencies[c];
                CompetencyRef {
                    id: competency.id.clone(),
                    name: competency.name.clone(),
                    area: book.areas[competency.area].name.clone(),
                }
            })
            .collect(),
        coverage: coverage(&members, &columns)
            .into_iter()
            .map(|c| CoverageRow {
                competency: book.competencies[c.competency].id.clone(),
                name: book.competencies[c.competency].name.clone(),
                single_point_of_failure: c.single_point_of_failure(),
                holders: c.holders,
                assessed: c.assessed,
                could_grow: c.could_grow,
            })
            .collect(),
        archetypes: archetype_rows(book, &people, &fits),
        readiness: readiness_rows(book, files, &people),
        disagreements: disagreement_rows(book, files, &people),
        notices: files
            .iter()
            .filter(|f| f.book_version != book.version)
            .map(|f| Notice {
                file: f.file.clone(),
                filled_version: f.book_version.clone(),
                removed: f.removed.clone(),
            })
            .collect(),
    }
}

fn person_row(
    book: &Book,
    files: &[Assessment],
    person: &Person,
    rated: &Rated,
    columns: &[usize],
    fits: &[Vec<Option<f64>>],
    index: usize,
) -> PersonRow {
    let file = &files[person.primary];
    let specialism = book
        .archetypes
        .iter()
        .zip(fits)
        .filter_map(|(a, fits)| Some((a, fits[index]?)))
        // The first of equal fits wins: the book's order.
        .fold(None, |best: Option<(&_, f64)>, (a, fit)| match best {
            Some((_, b)) if b >= fit => best,
            _ => Some((a, fit)),
        })
        .map(|(a, fit)| Fit {
            archetype: a.id.clone(),
            name: a.name.clone(),
            fit: round2(fit),
        });
    PersonRow {
        name: person.name.clone(),
        file: file.file.clone(),
        perspective: file.perspective.map(|p| p.id()),
        assessor: file.assessor.clone(),
        level: level_ref(book, file.level),
        current_level: file.current_level.map(|l| level_ref(book, l)),
        rated_against: level_ref(book, rated.level),
        not_in_file: rated.not_in_file,
        heatmap: columns
            .iter()
            .map(|&c| {
                let p = rated.profiles.iter().find(|p| p.competency == c)?;
                Some(Cell {
                    mean: round2(p.mean()),
                    met: p.met,
                    items: p.items,
                    meets: p.meets(),
                })
            })
            .collect(),
        specialism,
    }
}

fn archetype_rows(book: &Book, people: &[Person], fits: &[Vec<Option<f64>>]) -> Vec<ArchetypeRow> {
    book.archetypes
        .iter()
        .zip(fits)
        .map(|(a, fits)| {
            let mut covering: Vec<(usize, f64)> = fits
                .iter()
                .enumerate()
                .filter_map(|(i, f)| Some((i, (*f)?)))
                .filter(|(_, f)| *f >= COVERS)
                .collect();
            covering.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            ArchetypeRow {
                archetype: a.id.clone(),
                name: a.name.clone(),
                covered_by: covering
                    .iter()
                    .map(|(i, _)| people[*i].name.clone())
                    .collect(),
                fits: fits.iter().map(|f| f.map(round2)).collect(),
            }
        })
        .collect()
}

/// People whose file rates a level above their current one (or whose
/// current level is not said), most ready first.
fn readiness_rows(book: &Book, files: &[Assessment], people: &[Person]) -> Vec<ReadinessRow> {
    let mut rows: Vec<ReadinessRow> = people
        .iter()
        .filter(|p| files[p.primary].current_level != Some(files[p.primary].level))
        .map(|p| {
            let file = &files[p.primary];
            let expected = expectations(book, file.level);
            let found = readiness(book, file);
            ReadinessRow {
                person: p.name.clone(),
                level: level_ref(book, file.level),
                met: found.met,
                total: found.total,
                share: round2(found.share()),
                gaps: found
                    .gaps
                    .iter()
                    .map(|&(e, rating)| Gap {
                        key: expected[e].key.clone(),
                        competency: book.competencies[expected[e].competency].name.clone(),
                        text: expected[e].text.clone(),
                        rating: rating.map(|r| RATINGS[r]),
                    })
                    .collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.share.total_cmp(&a.share));
    rows
}

fn disagreement_rows(book: &Book, files: &[Assessment], people: &[Person]) -> Vec<DisagreementRow> {
    people
        .iter()
        .filter_map(|p| {
            let (mine, theirs) = (&files[p.self_file?], &files[p.manager_file?]);
            let comparison = compare(mine, theirs)?;
            let expected = expectations(book, mine.level);
            Some(DisagreementRow {
                person: p.name.clone(),
                self_file: mine.file.clone(),
                manager_file: theirs.file.clone(),
                level: level_ref(book, mine.level),
                apart: comparison
                    .apart
                    .iter()
                    .map(|a| ApartRow {
                        key: expected[a.expectation].key.clone(),
                        competency: book.competencies[expected[a.expectation].competency]
                            .name
                            .clone(),
                        text: expected[a.expectation].text.clone(),
                        self_rating: RATINGS[a.self_rating],
                        manager: RATINGS[a.manager_rating],
                        self_notes: a.self_notes.clone(),
                        manager_notes: a.manager_notes.clone(),
                    })
                    .collect(),
                one_step: comparison.one_step,
                agreed: comparison.agreed,
                mean_difference: round2(comparison.mean_difference),
            })
        })
        .collect()
}
