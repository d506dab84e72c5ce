//! Colour for the terminal report: ANSI codes when enabled, the bare text
//! otherwise. Whether to enable it is the caller's (NO_COLOR, `--color`, a
//! terminal or not); see [`wants_colour`].

use crate::diagnostics::ColorMode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.enabled && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn added(self, text: &str) -> String {
        self.wrap("32", text)
    }

    pub fn removed(self, text: &str) -> String {
        self.wrap("31", text)
    }

    pub fn changed(self, text: &str) -> String {
        self.wrap("33", text)
    }

    pub fn heading(self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn quiet(self, text: &str) -> String {
        self.wrap("2", text)
    }
}

/// Colour on `always`; on `auto` only on a terminal and without a
/// non-empty NO_COLOR (no-color.org).
pub fn wants_colour(mode: ColorMode, no_color: Option<&str>, terminal: bool) -> bool {
    match mode {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => terminal && no_color.is_none_or(str::is_empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_pipes_turn_colour_off_unless_forced() {
        assert!(wants_colour(ColorMode::Auto, None, true));
        assert!(!wants_colour(ColorMode::Auto, Some("1"), true));
        assert!(wants_colour(ColorMode::Auto, Some(""), true));
        assert!(!wants_colour(ColorMode::Auto, None, false));
        assert!(wants_colour(ColorMode::Always, Some("1"), false));
        assert!(!wants_colour(ColorMode::Never, None, true));
    }

    #[test]
    fn paint_adds_codes_only_when_enabled() {
        assert_eq!(Paint { enabled: false }.added("x"), "x");
        assert_eq!(Paint { enabled: true }.added("x"), "\x1b[32mx\x1b[0m");
    }
}
