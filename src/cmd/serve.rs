//! `ladderbook serve`: preview with live reload.

use std::net::SocketAddr;

use crate::cli::ServeArgs;
use crate::cmd::{Global, Outcome};
use crate::serve::{ServeOptions, serve};

pub fn run(args: &ServeArgs, global: Global) -> anyhow::Result<Outcome> {
    if !args.book_dir.join(crate::config::CONFIG_FILE).is_file() {
        return Err(crate::content::LoadError::NoConfig(args.book_dir.clone()).into());
    }
    serve(ServeOptions {
        root: args.book_dir.clone(),
        address: SocketAddr::new(args.bind, args.port),
        open: args.open,
        quiet: global.quiet,
    })?;
    Ok(Outcome::Success)
}
