//! SHA-256 digests as lowercase hex, the form in-toto subjects, the
//! evidence ledger and `sha256sum` share.

use sha2::{Digest, Sha256};

/// The SHA-256 of some bytes, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn digests_are_lowercase_hex_as_sha256sum_prints_them() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
