//! assure: policy-as-code control tests for SOC 2 and SOC 1.
//!
//! Data flows one way: `discover → inputs → evaluate → results → report`.

pub mod inputs;
pub mod discover;
