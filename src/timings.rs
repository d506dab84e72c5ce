//! Wall time of each stage of a run, printed by `build --verbose`: the
//! numbers behind bench/README.md's profile findings, available to anyone
//! who wonders where their build's time goes.
//!
//! Recording is off unless [`enable`] was called, so the stages pay one
//! relaxed atomic load each in a normal run.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
static STAGES: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

/// Starts recording stage times for the rest of the process.
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Runs `work` and, when recording, notes how long it took under `stage`.
pub fn measure<T>(stage: &'static str, work: impl FnOnce() -> T) -> T {
    if !ENABLED.load(Ordering::Relaxed) {
        return work();
    }
    let started = Instant::now();
    let value = work();
    let elapsed = started.elapsed();
    STAGES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push((stage, elapsed));
    value
}

/// The stages recorded so far, in the order they finished, and forgets them.
pub fn take() -> Vec<(&'static str, Duration)> {
    std::mem::take(
        &mut *STAGES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_only_once_enabled_and_in_order() {
        measure("before", || ());
        assert!(take().iter().all(|(stage, _)| *stage != "before"));
        enable();
        let value = measure("first", || 41) + 1;
        measure("second", || ());
        let stages: Vec<&str> = take()
            .into_iter()
            .map(|(stage, _)| stage)
            .filter(|stage| matches!(*stage, "first" | "second"))
            .collect();
        assert_eq!(value, 42);
        assert_eq!(stages, ["first", "second"]);
    }
}
