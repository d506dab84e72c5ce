//! Parse the command line, run the command, map the outcome to an exit code:
//! 0 success, 1 the book or an input file has errors, 2 usage or I/O failure.

use std::process::ExitCode;

use ladderbook::cli::{Cli, Command};
use ladderbook::cmd::{self, Global, Outcome};

/// A build allocates on both cores at once and frees much of it on the
/// other one (the search entries of every guide); glibc's malloc spent a
/// sixth of the build's CPU there, waking threads blocked on its arena locks.
/// jemalloc takes 10–20% off a large build and stays under the memory
/// budget, where mimalloc went 50 MB over it (bench/README.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse_args();
    let global = Global {
        color: cli.color.into(),
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = match &cli.command {
        Command::Check(args) => cmd::check::run(args, global),
        Command::Build(args) => cmd::build::run(args, global),
        Command::Export(args) => cmd::export::run(args, global),
        Command::Debrief(args) => cmd::debrief::run(args, global),
        Command::Role(args) => cmd::role::run(args, global),
        Command::Calibrate(args) => cmd::calibrate::run(args, global),
        Command::Diff(args) => cmd::diff::run(args, global),
        Command::Team(args) => cmd::team::run(args, global),
        Command::Pay(args) => cmd::pay::run(args, global),
        Command::Init(args) => cmd::init::run(args, global),
        Command::Serve(args) => cmd::serve::run(args, global),
        Command::Import(args) => cmd::import::run(args, global),
        Command::Schema(args) => cmd::schema::run(args, global),
        Command::Completions(args) => cmd::completions::run(args, global),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
