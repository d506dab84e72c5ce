//! `ladderbook completions <shell>`: a completion script, from the CLI's
//! own definition so it never lags behind it.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::{Global, Outcome};
use crate::stdout::write_stdout;

pub fn run(args: &CompletionsArgs, _global: Global) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    // Generated into memory: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ladderbook", &mut script);
    write_stdout(&script)?;
    Ok(Outcome::Success)
}
