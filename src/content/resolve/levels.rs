//! Tracks and levels: placed in their track by rank, linked to the level
//! below and above, `equivalent` resolved across tracks.

use std::collections::HashMap;

use super::Resolver;
use crate::content::model::*;
use crate::content::raw::*;
use crate::content::targets::LinkTargets;
use crate::decode::did_you_mean;
use crate::node::Pos;

const DEFAULT_TRACK: &str = "default";

impl Resolver<'_> {
    pub(super) fn tracks(&mut self, raw: &RawBook) -> Vec<(Track, Pos)> {
        let Some((file, raw_tracks)) = &raw.tracks else {
            return vec![(
                Track {
                    id: DEFAULT_TRACK.into(),
                    name: "Levels".into(),
                    description: None,
                    levels: Vec::new(),
                    implicit: true,
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
                    implicit: false,
                },
                track.id.pos,
            ));
        }
        tracks
    }

    pub(super) fn levels(
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
                    name: raw_level.title.value.clone(),
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
        self.name_levels(&mut levels, &placed);
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
}

impl Resolver<'_> {
    /// Levels that share a title are named with their code in running text
    /// ("Reliability Engineer (IC3)"); titles that are unique stay as they
    /// are. Two levels with the same title and code cannot be told apart at
    /// all: a warning on the second.
    fn name_levels(&mut self, levels: &mut [Level], placed: &[(usize, &RawLevel)]) {
        for index in 0..levels.len() {
            let shared: Vec<usize> = (0..levels.len())
                .filter(|&other| other != index && levels[other].title == levels[index].title)
                .collect();
            if shared.is_empty() {
                continue;
            }
            if let Some(code) = &levels[index].code {
                levels[index].name = format!("{} ({code})", levels[index].title);
            }
            let twin = shared
                .iter()
                .find(|&&other| other < index && levels[other].code == levels[index].code);
            if let Some(&twin) = twin {
                let raw_level = placed[index].1;
                let pos = raw_level
                    .code
                    .as_ref()
                    .map_or(raw_level.title.pos, |c| c.pos);
                self.warning(
                    "ambiguous-level",
                    &raw_level.file,
                    pos,
                    format!(
                        "`{}` has the same title and code as `{}`, so readers cannot tell them apart",
                        levels[index].id, levels[twin].id
                    ),
                )
                .help = Some(
                    "give one of them its own `code` (for example its rank) or its own `title`"
                        .into(),
                );
            }
        }
    }
}
