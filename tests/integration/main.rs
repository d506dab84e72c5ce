//! The one integration test binary: every test makes a book in a temporary
//! folder (from a fixture under tests/fixtures/ or from inline files), runs
//! the real `ladderbook` binary on it and asserts on its exit status and
//! output. Snapshots live in tests/integration/snapshots/.

mod aspects;
mod build;
mod calibrate;
mod check;
mod csv_import;
mod debrief;
mod dropbox;
mod ecosystem;
mod framework_import;
mod grid_import;
mod history;
mod history_site;
mod hostile;
mod init;
mod ladder_shapes;
mod ladders;
mod links;
mod mutations;
mod pay;
mod pipes;
mod rebuild;
mod rebuild_inputs;
mod roles;
mod serve;
mod strings;
mod support;
mod team;
mod wording;
