//! Scorecards: dimensions, interviews and their focus, and the rating scale.

use std::collections::HashMap;

use super::{Placed, RefKind, Resolver};
use crate::content::model::*;
use crate::content::raw::*;
use crate::decode::{At, did_you_mean};

impl Resolver<'_> {
    pub(super) fn scorecards(&mut self, raw: &RawBook, placed: &Placed) -> Vec<Scorecard> {
        let mut scorecards = Vec::new();
        for (raw_card, keep) in raw.scorecards.iter().zip(&placed.targets.keep_scorecards) {
            if *keep {
                scorecards.push(self.scorecard(raw_card, placed));
            }
        }
        scorecards.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
        scorecards
    }

    pub(super) fn scorecard(&mut self, raw: &RawScorecard, placed: &Placed) -> Scorecard {
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

    pub(super) fn scale(&mut self, file: &str, steps: &[RawScaleStep]) -> Vec<ScaleStep> {
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
}
