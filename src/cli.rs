//! The command line, as clap derive types. `///` comments are the help text.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// `--version` in full: the formats this build reads and writes.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncontent format: 1 (docs/content-format.md)",
    "\nexports: ladderbook.ladder/1, matrix.csv",
    "\nreports: ladderbook.diff/1",
    "\nfilled-in files: ladderbook.scorecard/1, ladderbook.assessment/1"
);

#[derive(Debug, Parser)]
#[command(
    name = "ladderbook",
    version,
    long_version = LONG_VERSION,
    arg_required_else_help = true,
    about = "Publish an engineering career ladder as a fast, printable static handbook",
    long_about = "ladderbook compiles a career ladder written as Markdown and YAML (levels, \
competencies, archetypes, interview scorecards, free pages) into a static handbook \
with a competency matrix, interview kits and a private self-assessment.",
    after_help = "Examples:\n  ladderbook init my-ladder      start a new book from the bundled SRE ladder\n  ladderbook check my-ladder     validate it, every problem with file:line:col\n  ladderbook build my-ladder     publish the site into my-ladder/site\n  ladderbook serve my-ladder     preview with live reload on http://127.0.0.1:3000\n\nRun `ladderbook help <command>` for a command's options and examples.\nDocumentation: docs/quick-start.md in the ladderbook repository."
)]
pub struct Cli {
    /// When to use colours in diagnostics, help and usage errors (`auto`: on a terminal, unless NO_COLOR is set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Print only errors
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more about what is done
    #[arg(long, short, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the command line like `Cli::parse`, with `--color` (and
    /// NO_COLOR, through `auto`) governing clap's own help and usage errors
    /// too, not only the diagnostics.
    pub fn parse_args() -> Cli {
        let args: Vec<OsString> = std::env::args_os().collect();
        let color = match requested_color(&args) {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        };
        let mut command = Cli::command().color(color);
        let matches = command
            .try_get_matches_from_mut(args)
            .unwrap_or_else(|err| err.exit());
        Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.format(&mut command).exit())
    }
}

/// The last `--color` value on the command line, before it is parsed (so
/// that a usage error is already printed in the requested way).
fn requested_color(args: &[OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--color") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None if arg == "--" => break,
            None => None,
        };
        if let Some(parsed) = value.and_then(|v| ColorChoice::from_str(&v, true).ok()) {
            choice = parsed;
        }
    }
    choice
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new book from the bundled SRE & DevOps ladder
    #[command(
        after_help = "Examples:\n  ladderbook init my-ladder\n  ladderbook init --minimal   a skeleton with one item of each kind"
    )]
    Init(InitArgs),

    /// Validate a book and report every problem with file:line:col
    #[command(
        after_help = "Examples:\n  ladderbook check\n  ladderbook check my-ladder --format json\n  ladderbook check --deny-warnings   fail CI on warnings too\n\nExit status: 0 clean, 1 the book has errors, 2 usage or I/O failure."
    )]
    Check(CheckArgs),

    /// Publish the book as a static site
    #[command(
        after_help = "Examples:\n  ladderbook build\n  ladderbook build my-ladder --out public"
    )]
    Build(BuildArgs),

    /// Build, serve on loopback, and rebuild and reload on every change
    #[command(
        after_help = "Examples:\n  ladderbook serve\n  ladderbook serve my-ladder --port 8080 --open"
    )]
    Serve(ServeArgs),

    /// Export the ladder as JSON (the whole model) or CSV (the matrix)
    #[command(
        after_help = "Examples:\n  ladderbook export --format csv > matrix.csv\n  ladderbook export my-ladder --format json --out ladder.json"
    )]
    Export(ExportArgs),

    /// Print a role's job posting, made from its level, archetype and scorecard
    #[command(
        after_help = "Examples:\n  ladderbook role senior-sre                  Markdown, to paste into an ATS\n  ladderbook role senior-sre --format json    the schema.org JobPosting (JSON-LD)\n  ladderbook role sre-lead --book my-ladder --format html > sre-lead.html"
    )]
    Role(RoleArgs),

    /// Aggregate a hiring loop's filled-in scorecards into a debrief
    #[command(
        after_help = "Examples:\n  ladderbook debrief --book my-ladder alice-*.json\n  ladderbook debrief --format markdown *.json > debrief.md"
    )]
    Debrief(DebriefArgs),

    /// Calibrate interviewers and scorecards across many loops' filled-in scorecards
    #[command(
        after_help = "Examples:\n  ladderbook calibrate --book my-ladder loops/\n  ladderbook calibrate --format html loops/ > calibration.html\n  ladderbook calibrate --format json loops/2026-q4/*/ > calibration.json\n\nA folder is read for every .json file below it. A loop is one candidate's\nscorecards (by the `candidate` field, else by folder); a decision.json\n(ladderbook.decision/1) beside them records hire or no-hire. See docs/workflows.md."
    )]
    Calibrate(CalibrateArgs),

    /// Show what changed between two versions of the ladder, level by level
    #[command(
        after_help = "Examples:\n  ladderbook diff v1.0                  the tag v1.0 against the working tree\n  ladderbook diff HEAD~1 HEAD           the last commit\n  ladderbook diff main HEAD --format markdown > changes.md\n  ladderbook diff old-book new-book     two book folders\n\nEach side is a book folder when one of that name exists, else a revision of the\ngit repository holding --book (read without a git binary; nothing is written).\nExit status: 0 (differences or not; 1 with --exit-code when there are some),\n1 a side's book has errors, 2 a side cannot be read."
    )]
    Diff(DiffArgs),

    /// A team's assessments in, one talent-review report out (never part of the site)
    #[command(
        after_help = "Examples:\n  ladderbook team --book my-ladder reviews/2026-h2/\n  ladderbook team --out team.html reviews/2026-h2/*.json\n  ladderbook team --format json reviews/ > team.json\n  ladderbook team --level sre-3 reviews/   everyone against the level the team needs\n\nEach file is an assessment exported by the self-assessment page\n(ladderbook.assessment/1); a folder is read for every .json file below it.\nFiles are grouped by `person`; where a person has a manager's and a\nself-assessment, the manager's is the team's view and the two are compared.\nSee \"Running a talent review\" in docs/workflows.md."
    )]
    Team(TeamArgs),

    /// Print the pay bands of content/pay.yaml with each step up (published or not)
    #[command(
        after_help = "Examples:\n  ladderbook pay\n  ladderbook pay my-ladder --format csv > bands.csv\n  ladderbook pay --format json\n\nEach level's band by track and rank, with the ratio of the next level's min to\nthis one's (×1.19: the next level starts 19 % higher). Reads the bands whether or\nnot `[pay] publish` is set; nothing is written. See docs/workflows.md.\nExit status: 0, 1 the book has errors or no content/pay.yaml, 2 I/O failure."
    )]
    Pay(PayArgs),

    /// Create a new book from a spreadsheet ladder (the columns of `export --format csv`)
    #[command(
        after_help = "Examples:\n  ladderbook import --from csv ladder.csv my-ladder --dry-run\n  ladderbook import --from csv grid.csv my-ladder --header-row 3 --map Scope=competency\n  ladderbook export old --format csv | ladderbook import --from csv - new\n  ladderbook import --from progression-framework progression-framework/frameworks my-ladder\n\nA CSV is read as a grid (levels as rows or columns, competencies the other way,\ncriteria in the cells, split at line breaks, blank lines and bullets) or in the long\nlayout of `export --format csv` (track, level, level_code, level_title, rank, area,\ncompetency, competency_name, expectation, carried_from, examples). Nothing is written\nunless the new book checks clean. See docs/migrating.md."
    )]
    Import(ImportArgs),

    /// Print JSON Schemas of book.toml and every content kind, for editors
    #[command(
        after_help = "Examples:\n  ladderbook schema                 all schemas as one JSON object\n  ladderbook schema --out schemas   one <kind>.schema.json file per kind\n\nA YAML file opts in with a first line such as\n  # yaml-language-server: $schema=../../schemas/competency.schema.json\n(`ladderbook init` writes the schemas and these lines for you)."
    )]
    Schema(SchemaArgs),

    /// Print a shell completion script to standard output
    #[command(
        after_help = "Examples:\n  ladderbook completions bash > ~/.local/share/bash-completion/completions/ladderbook\n  ladderbook completions zsh > ~/.zfunc/_ladderbook      (with `fpath+=~/.zfunc` in .zshrc)\n  ladderbook completions fish > ~/.config/fish/completions/ladderbook.fish\n  ladderbook completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the book in
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// A small skeleton with one item of each kind instead of the full ladder
    #[arg(long)]
    pub minimal: bool,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// Output format of the diagnostics
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Exit with status 1 when there are warnings
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also check every internal link and #anchor of the rendered site
    #[arg(long)]
    pub links: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// Output folder (default: [build] output-dir of book.toml). The build
    /// replaces it whole, so it must be new, empty, or a site ladderbook built
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// Port to listen on (0 picks a free one)
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Address to bind; anything but loopback exposes the preview to the network
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// What to export
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PayFormat {
    Text,
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct PayArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = PayFormat::Text)]
    pub format: PayFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleFormat {
    /// Markdown, for an ATS or a careers site that reads it
    Markdown,
    /// Plain text
    Text,
    /// One self-contained HTML page with the JobPosting embedded
    Html,
    /// The schema.org JobPosting as JSON-LD
    Json,
}

#[derive(Debug, Args)]
pub struct RoleArgs {
    /// The role's id (its file name under content/roles/ without `.md`)
    pub id: String,
    /// The book's folder (the one with book.toml)
    #[arg(long, default_value = ".")]
    pub book: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = RoleFormat::Markdown)]
    pub format: RoleFormat,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DebriefFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct DebriefArgs {
    /// The book the scorecards were filled against
    #[arg(long, default_value = ".")]
    pub book: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = DebriefFormat::Text)]
    pub format: DebriefFormat,
    /// Exported scorecard files (ladderbook.scorecard/1 JSON)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalibrateFormat {
    Text,
    Markdown,
    Json,
    /// One self-contained page with charts
    Html,
}

#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// The book the scorecards were filled against
    #[arg(long, default_value = ".")]
    pub book: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Text)]
    pub format: CalibrateFormat,
    /// Scorecard files (ladderbook.scorecard/1), decision files
    /// (ladderbook.decision/1), or folders of them
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A report for the terminal, grouped by level
    Text,
    /// GitHub-flavoured Markdown, for a pull-request comment
    Markdown,
    /// `ladderbook.diff/1` JSON, for tools (docs/exports.md)
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older version: a git revision (HEAD~1, a tag, a branch) or a book folder
    pub old: String,
    /// The newer version, the same way; the book's working tree when left out
    pub new: Option<String>,
    /// The book whose repository the revisions are read from
    #[arg(long, default_value = ".")]
    pub book: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit with status 1 when the versions differ, like `git diff --exit-code`
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    Text,
    Markdown,
    Json,
    /// One self-contained page with a heatmap
    Html,
}

#[derive(Debug, Args)]
pub struct TeamArgs {
    /// The book the assessments were made against
    #[arg(long, default_value = ".")]
    pub book: PathBuf,
    /// Output format (`html` when --out ends in .html)
    #[arg(long, value_enum)]
    pub format: Option<TeamFormat>,
    /// Write the report to this file instead of standard output
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Rate everyone against this level (the level the team needs) in the heatmap, coverage and specialisms; default: each person's current level
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// Assessment files (ladderbook.assessment/1), or folders of them
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// The columns of `ladderbook export --format csv`
    Csv,
    /// A Monzo-style progression-framework repository: a folder of Markdown files (or one file) whose front matter holds `topics`
    ProgressionFramework,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What FILE holds
    #[arg(long, value_enum)]
    pub from: ImportFormat,
    /// The file to read (`-` for standard input); for `progression-framework`, a folder or one file
    pub file: PathBuf,
    /// Folder to create the book in
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// The book's title, for book.toml
    #[arg(long, default_value = "Career ladder")]
    pub title: String,
    /// Write into a folder that is not empty, overwriting files that already exist
    #[arg(long)]
    pub force: bool,
    /// The CSV's field delimiter: `,`, `;` or `tab` (default: found from the header row)
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// The line of a grid's header row, counted from 1 (default: found below any title rows)
    #[arg(long, value_name = "N")]
    pub header_row: Option<usize>,
    /// Map a grid's extra column (or row) to a field: summary, aspect (a level-wide aspect of the column's name), narrative, years, competency, area, ignore, or the levels' id, code, rank
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_map)]
    pub maps: Vec<(String, String)>,
    /// Print what would be created (levels, competencies, guides, columns) and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `--map COLUMN=FIELD`.
fn parse_map(value: &str) -> Result<(String, String), String> {
    match value.rsplit_once('=') {
        Some((column, field)) if !column.trim().is_empty() => {
            Ok((column.trim().to_string(), field.trim().to_ascii_lowercase()))
        }
        _ => Err("write COLUMN=FIELD, e.g. `Scope=narrative`".into()),
    }
}

/// `--delimiter`: one ASCII character, or `tab`.
fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if value.len() == 1 && value.is_ascii() && value != "\"" => Ok(value.as_bytes()[0]),
        _ => Err("give one character such as `,` or `;`, or `tab`".into()),
    }
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write one `<kind>.schema.json` per kind into this folder instead of printing
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color_of(args: &[&str]) -> ColorChoice {
        let args: Vec<OsString> = std::iter::once("ladderbook")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        requested_color(&args)
    }

    #[test]
    fn the_colour_choice_is_found_before_parsing() {
        assert_eq!(color_of(&["check"]), ColorChoice::Auto);
        assert_eq!(color_of(&["--color", "never", "chek"]), ColorChoice::Never);
        assert_eq!(color_of(&["check", "--color=always"]), ColorChoice::Always);
        assert_eq!(color_of(&["--color=bogus"]), ColorChoice::Auto);
        assert_eq!(color_of(&["--", "--color=never"]), ColorChoice::Auto);
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
