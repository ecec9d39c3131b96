//! How paths are written in reports, messages, fingerprints and waiver
//! globs: relative, with `/` separators whatever the platform, so the same
//! repository gives the same text on every CI runner, and one text per file.
//!
//! A file name is bytes, not text: two names that differ only in bytes that
//! are not UTF-8 (`p\xff.yaml`, `p\xfe.yaml`) are two files. Replacing the
//! bad bytes with a substitute character would make them one: one would be
//! dropped or judged under the other's name. So each byte that is not part
//! of valid UTF-8 is written `\xNN`, and a backslash itself `\\` (on Unix a
//! backslash is an ordinary character in a name, never a separator), which
//! keeps the written form one-to-one with the bytes.

use std::path::{Path, PathBuf};

/// `a/b/../c` -> `a/c`, `./a` -> `a`, without touching the disk (the
/// folder named need not exist, and links are not followed).
pub fn lexically_normal(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A path with `/` separators, without a leading `./`, with each invalid
/// byte as `\xNN` and each backslash as `\\` (on Unix).
pub fn slash_path(p: &Path) -> String {
    let s = display(p);
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

#[cfg(unix)]
fn display(p: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    escape_bytes(p.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn display(p: &Path) -> String {
    // Windows names are UTF-16; `\` is the separator there.
    p.to_string_lossy().replace('\\', "/")
}

/// Bytes as text: valid UTF-8 kept, `\` doubled, any other byte `\xNN`.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// The bytes a [`slash_path`] text stands for (its escapes undone).
pub fn unescape(shown: &str) -> Vec<u8> {
    let bytes = shown.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            if bytes.get(i + 1) == Some(&b'\\') {
                out.push(b'\\');
                i += 2;
                continue;
            }
            let hex = shown
                .get(i + 2..i + 4)
                .filter(|_| bytes.get(i + 1) == Some(&b'x'));
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The relative path a [`slash_path`] text was written from. Exact on Unix;
/// elsewhere names that were not valid text do not come back (discovery
/// checks before relying on it).
pub fn path_of(shown: &str) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(&unescape(shown)))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(shown)
    }
}

/// Everything but unreserved characters and `/`, as URI paths require.
const URI_ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A relative path as a URI reference (SARIF's `uri`): its bytes, with
/// anything outside the unreserved set percent-encoded (`a b#1.yaml` ->
/// `a%20b%231.yaml`, an invalid byte `\xff` -> `%FF`).
pub fn to_uri(shown: &str) -> String {
    percent_encoding::percent_encode(&unescape(shown), URI_ESCAPED).to_string()
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

    #[test]
    fn distinct_names_stay_distinct() {
        let names: [&[u8]; 6] = [
            b"p\xff.yaml",
            b"p\xfe.yaml",
            b"p\\xff.yaml",
            b"a\\b.yaml",
            b"a/b.yaml",
            "caf\u{e9}.yaml".as_bytes(),
        ];
        let shown: Vec<String> = names.iter().map(|n| escape_bytes(n)).collect();
        assert_eq!(
            shown,
            [
                "p\\xff.yaml",
                "p\\xfe.yaml",
                "p\\\\xff.yaml",
                "a\\\\b.yaml",
                "a/b.yaml",
                "caf\u{e9}.yaml"
            ]
        );
        let unique: std::collections::BTreeSet<&String> = shown.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    /// Discovery keeps only the shown path of a walked file and opens
    /// `path_of` it: every name must come back byte for byte.
    #[cfg(unix)]
    #[test]
    fn shown_paths_give_their_names_back() {
        use std::os::unix::ffi::OsStrExt;
        let names: [&[u8]; 6] = [
            b"d/p\\xff.yaml",
            b"d/p\xfe.yaml",
            b"a\\b.yaml",
            b"x\\x4g.tf",
            b"trailing\\",
            "caf\u{e9}/n.yaml".as_bytes(),
        ];
        for name in names {
            let path = Path::new(std::ffi::OsStr::from_bytes(name));
            assert_eq!(path_of(&slash_path(path)), path, "{}", slash_path(path));
        }
    }

    #[test]
    fn uris_are_percent_encoded_from_the_bytes() {
        assert_eq!(to_uri("k8s/a b#1%.yaml"), "k8s/a%20b%231%25.yaml");
        assert_eq!(to_uri("p\\xff.yaml"), "p%FF.yaml");
        assert_eq!(to_uri("a\\\\b.yaml"), "a%5Cb.yaml");
        assert_eq!(to_uri("caf\u{e9}/x.tf"), "caf%C3%A9/x.tf");
        let names: [&[u8]; 3] = [b"p\xff.yaml", b"a\\xff.yaml", b"ok.yaml"];
        for n in names {
            assert_eq!(unescape(&escape_bytes(n)), n);
        }
    }
}
