//! Archetypes: emphasis weights by competency, and the levels they apply at.

use super::{Placed, RefKind, Resolver};
use crate::content::model::*;
use crate::content::raw::*;
use crate::decode::At;

impl Resolver<'_> {
    pub(super) fn archetypes(&mut self, raw: &RawBook, placed: &Placed) -> Vec<Archetype> {
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
    pub(super) fn level_refs(
        &mut self,
        file: &str,
        refs: &[At<String>],
        placed: &Placed,
    ) -> Vec<usize> {
        refs.iter()
            .filter_map(|reference| self.reference(file, reference, RefKind::Level, placed))
            .collect()
    }
}
