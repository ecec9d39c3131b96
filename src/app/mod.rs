//! The commands: each takes its settings (flags merged with `assure.yaml`
//! and defaults, see [`Settings`](crate::settings::Settings)), runs the
//! library's stages and renders what they give. Errors that stop assure
//! from running (exit 2) are [`Fatal`](crate::fatal::Fatal).
//!
//! One file per family of commands: a scan and its baseline (`scan`), the
//! evidence ledger and the period report made from it (`ledger`), the
//! listings that read the catalog or the inputs without judging them
//! (`catalog`); `output` is how every one of them writes.

mod catalog;
mod ledger;
mod output;
mod scan;

pub use catalog::{run_controls, run_criteria, run_init, run_parse, run_verify, run_waivers};
pub use ledger::{run_evidence, run_period};
pub use scan::{run_baseline, run_test};

use crate::cli::ColorChoice;

/// Colour on stdout and stderr, decided once for the whole process.
pub fn set_color(choice: ColorChoice) {
    let c = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    c.write_global();
}
