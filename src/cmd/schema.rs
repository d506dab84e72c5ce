//! `ladderbook schema`: the JSON Schemas for editors, printed or written.

use std::io::Write;

use anyhow::Context as _;

use crate::cli::SchemaArgs;
use crate::cmd::{Global, Outcome};
use crate::schema::{render_all, write_schemas};

pub fn run(args: &SchemaArgs, global: Global) -> anyhow::Result<Outcome> {
    match &args.out {
        Some(dir) => {
            let written = write_schemas(dir)?;
            if !global.quiet {
                eprintln!("schema: wrote {} files to {}", written.len(), dir.display());
            }
        }
        None => std::io::stdout()
            .lock()
            .write_all(render_all().as_bytes())
            .context("writing to standard output")?,
    }
    Ok(Outcome::Success)
}
