//! How paths are written in reports, messages and fingerprints: relative,
//! with `/` separators whatever the platform, so the same repository gives
//! the same text on every CI runner.

use std::path::Path;

/// A path with `/` separators, without a leading `./`.
pub fn slash_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_dot_slash_is_dropped() {
        assert_eq!(slash_path(Path::new("./a/b.tf")), "a/b.tf");
        assert_eq!(slash_path(Path::new("a/./b.tf")), "a/./b.tf");
        assert_eq!(slash_path(Path::new(".hidden/x")), ".hidden/x");
    }
}
