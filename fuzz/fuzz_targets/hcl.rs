//! Fuzz the hcl input parser: bytes as a scanned file would give them,
//! decoded, parsed, and every document's lines located. Must never panic.
#![no_main]

use assure::inputs::kinds::FileFormat;
use assure::inputs::load::parse_text;
use assure::inputs::{decode_text, inventory::inventory};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_text("main.tf", data) else { return };
    let parsed = parse_text("main.tf", FileFormat::Terraform, &text);
    for d in &parsed.documents {
        let _ = d.locator.locate(&d.value, Some("x"), Some("a.b[0]"));
    }
    let _ = inventory(&parsed.documents);
    let _ = assure::inputs::waivers::scan("main.tf", &text);
});
