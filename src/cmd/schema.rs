//! `ladderbook schema`: the JSON Schemas for editors, printed or written.

use crate::cli::SchemaArgs;
use crate::cmd::{Global, Outcome};
use crate::schema::{render_all, write_schemas};
use crate::stdout::write_stdout;

pub fn run(args: &SchemaArgs, global: Global) -> anyhow::Result<Outcome> {
    match &args.out {
        Some(dir) => {
            let written = write_schemas(dir)?;
            if !global.quiet {
                eprintln!("schema: wrote {} files to {}", written.len(), dir.display());
            }
        }
        None => write_stdout(render_all().as_bytes())?,
    }
    Ok(Outcome::Success)
}
