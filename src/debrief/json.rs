//! The debrief as one JSON object, format `ladderbook.debrief/1`, for tools.
//!
//! Extended compatibly only (new fields), like every format of the spec.
//! Fields, in this order:
//!
//! ```text
//! format         "ladderbook.debrief/1"
//! book           { title, version }       the book the files were checked against
//! scorecard      { id, title }
//! candidate      string | null
//! scale          [{ id, label, value }]   lowest first
//! interviewers   [{ name, file, interview: { id, title }, date, recommendation, takeaways }]
//!                ordered by the scorecard's interview order, then name, then file;
//!                `name` is the file's path when the file names no interviewer;
//!                `recommendation` is a step { id, label, value } or null
//! dimensions     [{ competency, name, ratings, mean, spread, disagreement, covered, focused }]
//!                in the scorecard's order; `ratings[i]` is `interviewers[i]`'s
//!                { rating: step | null, notes: string | null };
//!                `mean` of the rated values (two decimals) or null;
//!                `spread` = highest − lowest rating in scale steps, or null;
//!                `disagreement` when two ratings are 2 or more steps apart;
//!                `covered` when anyone rated it; `focused` when an interview
//!                of the scorecard focuses on it
//! summary        { interviews, recommendations: [{ id, label, value, count }] (every
//!                  step, lowest first), no_recommendation, mean_recommendation,
//!                  midpoint, recommendation_spread, flagged_dimensions,
//!                  not_covered, verdict: { kind, text } }
//!                `kind` is mixed | leaning-yes | leaning-no | split | no-recommendation
//! notices        [{ file, interviewer, filled_version, filled_title,
//!                   changed: [{ competency, name, meets, exceeds }],
//!                   removed: [competency id], added: [{ competency, name }] }]
//!                one per file filled against another version of the ladder;
//!                `meets` / `exceeds` are { was, now } or null when unchanged
//! ```

use crate::debrief::aggregate::Debrief;
use crate::report::envelope::render_json as envelope;

pub const DEBRIEF_FORMAT: &str = "ladderbook.debrief/1";

/// The debrief as pretty-printed JSON with a final newline.
pub fn render_json(debrief: &Debrief) -> String {
    envelope(DEBRIEF_FORMAT, &debrief.book, debrief)
}
