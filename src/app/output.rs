//! How commands write: report files atomically, stdout through a buffer,
//! and every failure to deliver as exit 2.

use crate::fatal::{fatal, Fatal};
use crate::report;
use std::io::Write;
use std::path::Path;

pub(super) fn write_report(path: &Path, what: &str, text: &str) -> Result<(), Fatal> {
    write_report_with(path, what, |w| w.write_all(text.as_bytes()))
}

pub(super) fn write_report_with(
    path: &Path,
    what: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    report::write_atomically_with(path, write).map_err(|e| {
        fatal(format!(
            "{}: cannot write {what} report: {e}",
            path.display()
        ))
    })
}

pub(super) fn pretty_json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Write to stdout. Output that could not be delivered (a full disk, a
/// closed pipe) is exit 2: a CI step reading a cut report must not take it
/// for a whole one.
pub(super) fn print_stdout(s: &str) -> Result<(), Fatal> {
    stream_stdout(|out| out.write_all(s.as_bytes()))
}

/// Write to stdout through a buffer, as `write` produces it.
pub(super) fn stream_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let stdout = anstream::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // The reader went away (`| head`): exit 2, without a message the
        // reader would not see anyway.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Fatal(vec![])),
        Err(e) => Err(fatal(format!("cannot write to standard output: {e}"))),
    }
}
