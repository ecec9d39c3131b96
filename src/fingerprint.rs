//! Finding fingerprints, part of the contract with baselines: control id,
//! path, resource and message, never the line, so moving a resource does not
//! make its finding new.

use sha2::{Digest, Sha256};

/// The first 8 bytes of SHA-256 over the four parts, each followed by a NUL
/// (so `("ab", "c")` and `("a", "bc")` differ), as 16 hex digits.
pub fn of(control: &str, path: &str, resource: Option<&str>, message: &str) -> String {
    let mut h = Sha256::new();
    for part in [control, path, resource.unwrap_or(""), message] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::of as fingerprint;

    #[test]
    fn fingerprint_depends_on_control_path_resource_and_message() {
        let base = fingerprint("c", "p", Some("r"), "m");
        assert_eq!(base, fingerprint("c", "p", Some("r"), "m"));
        for other in [
            fingerprint("c2", "p", Some("r"), "m"),
            fingerprint("c", "p2", Some("r"), "m"),
            fingerprint("c", "p", None, "m"),
            fingerprint("c", "p", Some("r"), "m2"),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn parts_are_separated() {
        assert_ne!(
            fingerprint("ab", "c", None, "m"),
            fingerprint("a", "bc", None, "m")
        );
        // A pinned value: a baseline written today must keep matching.
        assert_eq!(
            fingerprint(
                "aws-s3-encryption",
                "infra/s3.tf",
                Some("aws_s3_bucket.logs"),
                "bucket logs is not encrypted"
            ),
            "b54e0065d24d30a5"
        );
    }
}
