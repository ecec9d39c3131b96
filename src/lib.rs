//! assure: policy-as-code control tests for SOC 2 and SOC 1.
//!
//! Data flows one way: `discover → inputs → evaluate → results → report`.

pub mod app;
pub mod cli;
pub mod config;
pub mod controls;
pub mod discover;
pub mod evaluate;
pub mod frameworks;
pub mod gate;
pub mod inputs;
pub mod pipeline;
pub mod report;
pub mod results;
pub mod verify;
