//! Specialisms: how well a person's strengths fit each archetype of the
//! book. An archetype's emphasis weighs competencies 1–5; the fit is the
//! weighted mean rating over the emphasised competencies the person's level
//! expects, as a share of "consistently" (1.0 = consistently everywhere the
//! archetype leans, capped there so one "beyond" cannot hide a gap).
//! An archetype is covered by those whose fit is at least [`COVERS`].

use crate::content::model::Archetype;
use crate::filled::assessment::GOAL;
use crate::team::coverage::Member;

/// The fit from which a person covers an archetype.
pub const COVERS: f64 = 0.85;

/// One person's fit to one archetype; `None` when their level expects none
/// of its competencies.
pub fn fit(emphasis: &[(usize, u8)], member: &Member) -> Option<f64> {
    let mut weighted = 0.0;
    let mut weights = 0.0;
    for &(competency, weight) in emphasis {
        let Some(profile) = member.profiles.iter().find(|p| p.competency == competency) else {
            continue;
        };
        let share = (profile.mean() / GOAL as f64).min(1.0);
        weighted += f64::from(weight) * share;
        weights += f64::from(weight);
    }
    (weights > 0.0).then(|| weighted / weights)
}

/// Per archetype (the book's order): every member's fit.
pub fn fits(archetypes: &[Archetype], members: &[Member]) -> Vec<Vec<Option<f64>>> {
    archetypes
        .iter()
        .map(|a| members.iter().map(|m| fit(&a.emphasis, m)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::profile::testing::profile;

    #[test]
    fn fit_weighs_the_emphasis_and_caps_at_consistently() {
        // Competency 0 weight 5: mean 3 (beyond), capped to share 1.
        // Competency 1 weight 3: mean 1 (partly), share 0.5.
        // Competency 2 weight 2: not expected at this level, left out.
        // fit = (5·1 + 3·0.5) / (5 + 3) = 6.5 / 8 = 0.8125.
        let profiles = [profile(0, 2, 2, 6), profile(1, 2, 1, 2)];
        let member = Member {
            name: "Ann",
            profiles: &profiles,
        };
        let fit = fit(&[(0, 5), (1, 3), (2, 2)], &member).expect("two competencies count");
        assert!((fit - 0.8125).abs() < 1e-9, "{fit}");
        assert!(fit < COVERS);
        assert_eq!(super::fit(&[(2, 2)], &member), None);
    }
}
