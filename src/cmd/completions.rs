//! `ladderbook completions <shell>`: a completion script, from the CLI's
//! own definition so it never lags behind it.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::{Global, Outcome};

pub fn run(args: &CompletionsArgs, _global: Global) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(
        args.shell,
        &mut command,
        "ladderbook",
        &mut std::io::stdout().lock(),
    );
    Ok(Outcome::Success)
}
