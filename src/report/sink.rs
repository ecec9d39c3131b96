//! Text reports written with `write!` and streamed: [`Sink`] is a
//! `fmt::Write` that hands its text on to an `io::Write` in large pieces.
//!
//! Why: the human reports (text, GitHub, Markdown) were built as one
//! `String` and printed at the end, so at a hundred thousand findings the
//! report itself was tens of megabytes of memory. Writing through a sink
//! keeps one piece in memory at a time while the report code stays plain
//! `writeln!` calls.

use std::fmt;
use std::io;

/// Bytes gathered before they are handed on.
const PIECE: usize = 1 << 16;

/// See the module documentation. The first I/O error is kept: later
/// writes fail fast, and [`Sink::finish`] returns it.
pub struct Sink<'a> {
    buf: String,
    inner: &'a mut dyn io::Write,
    error: Option<io::Error>,
}

impl<'a> Sink<'a> {
    pub fn new(inner: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            buf: String::with_capacity(PIECE),
            inner,
            error: None,
        }
    }

    fn hand_on(&mut self) {
        if self.error.is_none() && !self.buf.is_empty() {
            if let Err(e) = self.inner.write_all(self.buf.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
    }

    /// Hand on what is left; the first error met, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.hand_on();
        match self.error.take() {
            Some(e) => Err(e),
            None => self.inner.flush(),
        }
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        self.buf.push_str(s);
        if self.buf.len() >= PIECE {
            self.hand_on();
        }
        Ok(())
    }
}

/// Run a report writer into a `String` (for callers and tests that want
/// the whole text).
pub fn to_string(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    struct Broken;
    impl io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn passes_everything_on_in_order() {
        let text = to_string(|w| {
            let mut sink = Sink::new(w);
            for i in 0..20_000 {
                let _ = writeln!(sink, "line {i}");
            }
            sink.finish()
        });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 20_000);
        assert_eq!(lines[0], "line 0");
        assert_eq!(lines[19_999], "line 19999");
    }

    #[test]
    fn keeps_the_first_error() {
        let mut broken = Broken;
        let mut sink = Sink::new(&mut broken);
        let mut failed = false;
        for _ in 0..10_000 {
            failed |= writeln!(sink, "some text that fills the piece").is_err();
        }
        assert!(failed, "writes after the error fail");
        let e = sink.finish().expect_err("the error is returned");
        assert_eq!(e.to_string(), "disk full");
    }
}
