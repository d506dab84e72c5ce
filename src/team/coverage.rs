//! Coverage: for each competency, who holds it (meets every expectation of
//! it at the level their file rates). Held by one person or nobody, it is a
//! single point of failure: whoever is away, nobody covers. The people who
//! could grow into it are those closest to meeting it: most expectations
//! met, then the highest mean rating, then by name.

use crate::team::profile::Profile;

/// One person's profiles, as the stages read them.
pub struct Member<'a> {
    pub name: &'a str,
    pub profiles: &'a [Profile],
}

/// How well one competency is covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub competency: usize,
    /// Names of those who hold it, in the team's order.
    pub holders: Vec<String>,
    /// How many people's level expects it at all.
    pub assessed: usize,
    /// Closest to holding it first; at most [`GROWERS`].
    pub could_grow: Vec<String>,
}

/// How many candidates to grow into a single point of failure are named.
pub const GROWERS: usize = 2;

impl Coverage {
    pub fn single_point_of_failure(&self) -> bool {
        self.holders.len() <= 1
    }
}

/// Coverage of every competency in `competencies` (the book's order).
pub fn coverage(members: &[Member], competencies: &[usize]) -> Vec<Coverage> {
    competencies
        .iter()
        .map(|&competency| {
            let profiles: Vec<(&str, &Profile)> = members
                .iter()
                .filter_map(|m| {
                    let profile = m.profiles.iter().find(|p| p.competency == competency)?;
                    Some((m.name, profile))
                })
                .collect();
            let holders = profiles
                .iter()
                .filter(|(_, p)| p.meets())
                .map(|(name, _)| name.to_string())
                .collect::<Vec<_>>();
            let mut others: Vec<&(&str, &Profile)> =
                profiles.iter().filter(|(_, p)| !p.meets()).collect();
            others.sort_by(|(a_name, a), (b_name, b)| {
                let share = |p: &Profile| p.met as f64 / p.items as f64;
                share(b)
                    .total_cmp(&share(a))
                    .then(b.mean().total_cmp(&a.mean()))
                    .then(a_name.cmp(b_name))
            });
            Coverage {
                competency,
                assessed: profiles.len(),
                could_grow: if holders.len() <= 1 {
                    others
                        .iter()
                        .take(GROWERS)
                        .map(|(n, _)| n.to_string())
                        .collect()
                } else {
                    Vec::new()
                },
                holders,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::profile::testing::profile;

    #[test]
    fn single_points_of_failure_name_who_is_closest() {
        // Competency 0: Ann and Ben meet both items: covered.
        // Competency 1: only Ann meets (2 of 2); Ben 1 of 2 (sum 3), Cy 1 of 2
        //   (sum 2), Di 0 of 2: Ben is closest (same share as Cy, higher mean).
        // Competency 2: nobody meets; Di's 2 of 3 beats Cy's 1 of 3.
        let ann = [
            profile(0, 2, 2, 4),
            profile(1, 2, 2, 5),
            profile(2, 3, 0, 0),
        ];
        let ben = [profile(0, 2, 2, 6), profile(1, 2, 1, 3)];
        let cy = [
            profile(0, 2, 1, 3),
            profile(1, 2, 1, 2),
            profile(2, 3, 1, 3),
        ];
        let di = [profile(1, 2, 0, 1), profile(2, 3, 2, 4)];
        let members = [
            Member {
                name: "Ann",
                profiles: &ann,
            },
            Member {
                name: "Ben",
                profiles: &ben,
            },
            Member {
                name: "Cy",
                profiles: &cy,
            },
            Member {
                name: "Di",
                profiles: &di,
            },
        ];
        let found = coverage(&members, &[0, 1, 2]);
        assert_eq!(found[0].holders, ["Ann", "Ben"]);
        assert!(!found[0].single_point_of_failure());
        assert!(found[0].could_grow.is_empty());
        assert_eq!(found[1].holders, ["Ann"]);
        assert!(found[1].single_point_of_failure());
        assert_eq!(found[1].could_grow, ["Ben", "Cy"]);
        assert_eq!(found[2].holders, Vec::<String>::new());
        assert_eq!(found[2].assessed, 3);
        assert_eq!(found[2].could_grow, ["Di", "Cy"]);
    }
}
