//! Fuzz the METADATA, package and rule-head readers of policy files.
#![no_main]

use assure::controls::metadata::{package_annotation, package_of, rule_heads};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = package_annotation(text);
    let _ = package_of(text);
    let _ = rule_heads(text);
});
