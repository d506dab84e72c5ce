//! The command line, as clap derive types. `///` comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "ladderbook",
    version,
    about = "Publish an engineering career ladder as a fast, printable static handbook",
    long_about = "ladderbook compiles a career ladder written as Markdown and YAML (levels, \
competencies, archetypes, interview scorecards, free pages) into a static handbook \
with a competency matrix, interview kits and a private self-assessment.",
    after_help = "Examples:\n  ladderbook init my-ladder      start a new book from the bundled SRE ladder\n  ladderbook check my-ladder     validate it, every problem with file:line:col\n  ladderbook build my-ladder     publish the site into my-ladder/site\n  ladderbook serve my-ladder     preview with live reload on http://127.0.0.1:3000"
)]
pub struct Cli {
    /// When to use colours in diagnostics (NO_COLOR is honoured by `auto`)
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

    /// Aggregate a hiring loop's filled-in scorecards into a debrief
    #[command(
        after_help = "Examples:\n  ladderbook debrief --book my-ladder alice-*.json\n  ladderbook debrief --format markdown *.json > debrief.md"
    )]
    Debrief(DebriefArgs),
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
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The book's folder (the one with book.toml)
    #[arg(default_value = ".")]
    pub book_dir: PathBuf,
    /// Output folder (default: [build] output-dir of book.toml)
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
