//! assure: policy-as-code control tests for SOC 2 and SOC 1.
//!
//! Data flows one way: `discover → inputs → evaluate → results → gate →
//! report`, with `settings` deciding what each stage is given and `scan`
//! running them in order. A test (`tests/module_graph.rs`) keeps the
//! modules free of import cycles.

pub mod allocator;
pub mod app;
pub mod cli;
pub mod config;
pub mod conftest;
pub mod controls;
pub mod dates;
pub mod digest;
pub mod discover;
pub mod evaluate;
pub mod evidence;
pub mod fatal;
pub mod fingerprint;
pub mod frameworks;
pub mod gate;
pub mod init;
pub mod inputs;
pub mod paths;
pub mod period;
pub mod pipeline;
pub mod report;
pub mod results;
pub mod scan;
pub mod scope;
pub mod settings;
pub mod verify;
pub mod words;
