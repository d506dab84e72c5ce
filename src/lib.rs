//! ladderbook: publish an engineering career ladder written as Markdown and
//! YAML as a static handbook. The binary (`src/main.rs`) is a thin shell
//! over this library; the library exists so fuzz targets and benchmarks can
//! drive the stages directly. See ARCHITECTURE.md for the pipeline.

pub mod calibrate;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod debrief;
pub mod decode;
pub mod diagnostics;
pub mod filled;
pub mod history;
pub mod import;
pub mod markdown;
pub mod node;
pub mod pay;
pub mod posting;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod stdout;
pub mod strings;
pub mod team;
pub mod timings;
pub mod toml_tree;
pub mod wording;
pub mod yaml;
