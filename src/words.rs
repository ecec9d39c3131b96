//! Small helpers for the sentences assure writes.

/// `s` unless there is exactly one: `3 controls`, `1 control`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
