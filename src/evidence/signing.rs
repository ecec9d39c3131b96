//! Signing records with an OpenSSH Ed25519 key, and checking signatures
//! against the keys an auditor trusts. Each signature is an SSHSIG over
//! the envelope's PAE bytes in the namespace `assure-evidence`, so
//! `ssh-keygen -Y verify` checks it without assure; the trusted keys are
//! an `allowed_signers` file (ssh-keygen's format) or OpenSSH public keys.

use super::envelope::{pae, Envelope, Signature};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::path::Path;

/// The SSHSIG namespace of ledger records: a signature made for anything
/// else (a git commit, a file) never verifies as a record's.
pub const NAMESPACE: &str = "assure-evidence";

/// The private key: a path or the key's text (what a CI secret holds).
pub const KEY_VARIABLE: &str = "ASSURE_SIGNING_KEY";

/// The passphrase of an encrypted key.
pub const PASSPHRASE_VARIABLE: &str = "ASSURE_SIGNING_KEY_PASSPHRASE";

/// A key that signs records.
pub struct Signer {
    key: PrivateKey,
    keyid: String,
}

impl Signer {
    /// The key `ASSURE_SIGNING_KEY` names, if set; an error when it is set
    /// and cannot be used, so a run never records unsigned by mistake.
    pub fn from_env() -> Result<Option<Signer>, String> {
        let Some(value) = std::env::var_os(KEY_VARIABLE) else {
            return Ok(None);
        };
        let value = value
            .into_string()
            .map_err(|_| format!("{KEY_VARIABLE} is not valid text"))?;
        if value.trim().is_empty() {
            return Err(format!(
                "{KEY_VARIABLE} is set but empty (a CI secret that is not available to this job?)"
            ));
        }
        let (text, label) = if value.contains("-----BEGIN") {
            (value, format!("the key in {KEY_VARIABLE}"))
        } else {
            let path = Path::new(value.trim());
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{KEY_VARIABLE}: cannot read {}: {e}", path.display()))?;
            (text, path.display().to_string())
        };
        let passphrase = std::env::var(PASSPHRASE_VARIABLE).ok();
        Signer::from_openssh(&text, passphrase.as_deref())
            .map(Some)
            .map_err(|e| format!("{label}: {e}"))
    }

    /// An OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    pub fn from_openssh(text: &str, passphrase: Option<&str>) -> Result<Signer, String> {
        let mut key = PrivateKey::from_openssh(text.trim())
            .map_err(|e| format!("not an OpenSSH private key: {e}"))?;
        if key.is_encrypted() {
            let pass = passphrase.ok_or_else(|| {
                format!("the key is encrypted: give its passphrase in {PASSPHRASE_VARIABLE}")
            })?;
            key = key
                .decrypt(pass)
                .map_err(|e| format!("cannot decrypt the key: {e}"))?;
        }
        if key.algorithm() != Algorithm::Ed25519 {
            return Err(format!(
                "the key is {}, records are signed with Ed25519 keys (ssh-keygen -t ed25519)",
                key.algorithm()
            ));
        }
        let keyid = key.fingerprint(HashAlg::Sha256).to_string();
        Ok(Signer { key, keyid })
    }

    pub fn keyid(&self) -> &str {
        &self.keyid
    }

    /// Sign an envelope's payload: the signature is added to it.
    pub fn sign(&self, envelope: &mut Envelope) -> Result<(), String> {
        let payload = envelope.payload_bytes()?;
        let message = pae(&envelope.payload_type, &payload);
        let sig = self
            .key
            .sign(NAMESPACE, HashAlg::Sha512, &message)
            .map_err(|e| format!("cannot sign: {e}"))?;
        let armored = sig
            .to_pem(LineEnding::LF)
            .map_err(|e| format!("cannot encode the signature: {e}"))?;
        envelope.signatures.push(Signature {
            keyid: self.keyid.clone(),
            sig: STANDARD.encode(armored.as_bytes()),
        });
        Ok(())
    }
}

/// A key an auditor trusts, with what an `allowed_signers` line says of it.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    /// Who it belongs to (the line's principals, or the key's comment).
    pub principal: String,
    pub key: PublicKey,
    /// `namespaces="..."`: the key signs records only if this includes
    /// `assure-evidence`.
    pub namespaces: Option<Vec<String>>,
    pub valid_after: Option<DateTime<Utc>>,
    pub valid_before: Option<DateTime<Utc>>,
}

/// What a signature proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    /// Valid, by a trusted key (principal, fingerprint).
    Trusted { principal: String, keyid: String },
    /// Valid for the key it carries; no list of trusted keys was given.
    Unchecked { keyid: String },
    /// Valid, but by a key not among the trusted ones, or trusted only
    /// outside the record's time or for other namespaces.
    Untrusted { keyid: String, why: String },
    /// Not a valid signature of this envelope.
    Invalid { why: String },
}

/// Check one signature of an envelope whose payload is `payload`, at the
/// record's time `at`. `trusted`: `None` when no trusted keys were given.
pub fn check(
    envelope: &Envelope,
    payload: &[u8],
    signature: &Signature,
    trusted: Option<&[TrustedKey]>,
    at: Option<DateTime<Utc>>,
) -> SignatureCheck {
    let invalid = |why: String| SignatureCheck::Invalid { why };
    let armored = match STANDARD.decode(&signature.sig) {
        Ok(b) => b,
        Err(e) => return invalid(format!("the signature is not base64: {e}")),
    };
    let sig = match std::str::from_utf8(&armored)
        .map_err(|e| e.to_string())
        .and_then(|t| SshSig::from_pem(t).map_err(|e| e.to_string()))
    {
        Ok(s) => s,
        Err(e) => return invalid(format!("not an SSH signature: {e}")),
    };
    let signer = match PublicKey::new(sig.public_key().clone(), "") {
        k if k.algorithm() == Algorithm::Ed25519 => k,
        k => return invalid(format!("signed with a {} key, not Ed25519", k.algorithm())),
    };
    let keyid = signer.fingerprint(HashAlg::Sha256).to_string();
    if keyid != signature.keyid {
        return invalid(format!(
            "its keyid {} is not the fingerprint of the key that signed ({keyid})",
            signature.keyid
        ));
    }
    let message = pae(&envelope.payload_type, payload);
    if let Err(e) = signer.verify(NAMESPACE, &message, &sig) {
        return invalid(format!("the signature does not match the record: {e}"));
    }
    let Some(trusted) = trusted else {
        return SignatureCheck::Unchecked { keyid };
    };
    let matching: Vec<&TrustedKey> = trusted
        .iter()
        .filter(|t| t.key.key_data() == signer.key_data())
        .collect();
    if matching.is_empty() {
        return SignatureCheck::Untrusted {
            keyid,
            why: "not a trusted key".into(),
        };
    }
    let mut why = String::new();
    for t in matching {
        if let Some(ns) = &t.namespaces {
            if !ns.iter().any(|n| n == NAMESPACE) {
                why = format!("{} may sign only for {}", t.principal, ns.join(", "));
                continue;
            }
        }
        let before_start = matches!((t.valid_after, at), (Some(a), Some(at)) if at < a);
        let after_end = matches!((t.valid_before, at), (Some(b), Some(at)) if at >= b);
        if before_start || after_end {
            why = format!(
                "the key of {} is not valid at the record's time",
                t.principal
            );
            continue;
        }
        return SignatureCheck::Trusted {
            principal: t.principal.clone(),
            keyid,
        };
    }
    SignatureCheck::Untrusted { keyid, why }
}

/// Public keys in OpenSSH form, one per line (`ssh-ed25519 AAAA... who`):
/// what `--key` reads. The principal is each key's comment, else the file.
pub fn read_public_keys(path: &Path) -> Result<Vec<TrustedKey>, String> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{label}: cannot read: {e}"))?;
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = PublicKey::from_openssh(line)
            .map_err(|e| format!("{label}:{}: not an OpenSSH public key: {e}", i + 1))?;
        let principal = if key.comment().is_empty() {
            label.clone()
        } else {
            key.comment().to_owned()
        };
        keys.push(TrustedKey {
            principal,
            key,
            namespaces: None,
            valid_after: None,
            valid_before: None,
        });
    }
    if keys.is_empty() {
        return Err(format!("{label}: no public key in the file"));
    }
    Ok(keys)
}

/// An `allowed_signers` file as `ssh-keygen -Y verify -f` reads it:
/// `principals [options] keytype key [comment]` per line, with the options
/// `namespaces`, `valid-after` and `valid-before` honoured. Certificate
/// authorities (`cert-authority`) are refused: records carry plain keys.
pub fn read_allowed_signers(path: &Path) -> Result<Vec<TrustedKey>, String> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{label}: cannot read: {e}"))?;
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("{label}:{}", i + 1);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields = split_fields(line).map_err(|e| format!("{at}: {e}"))?;
        let [principals, rest @ ..] = fields.as_slice() else {
            continue;
        };
        let (options, key_fields) = match rest {
            [first, ..] if is_key_type(first) => ("", rest),
            [options, key @ ..] => (options.as_str(), key),
            [] => return Err(format!("{at}: no key after the principals")),
        };
        let [kind, blob, ..] = key_fields else {
            return Err(format!("{at}: no key after the principals"));
        };
        let key = PublicKey::from_openssh(&format!("{kind} {blob}"))
            .map_err(|e| format!("{at}: not an OpenSSH public key: {e}"))?;
        let mut trusted = TrustedKey {
            principal: principals.clone(),
            key,
            namespaces: None,
            valid_after: None,
            valid_before: None,
        };
        for option in split_options(options) {
            let (name, value) = option.split_once('=').unwrap_or((option.as_str(), ""));
            let value = value.trim_matches('"');
            match name.to_ascii_lowercase().as_str() {
                "namespaces" => {
                    trusted.namespaces = Some(value.split(',').map(str::to_owned).collect())
                }
                "valid-after" => trusted.valid_after = Some(signer_time(value, &at)?),
                "valid-before" => trusted.valid_before = Some(signer_time(value, &at)?),
                "cert-authority" => {
                    return Err(format!(
                        "{at}: cert-authority lines are not supported: records are signed with plain keys"
                    ))
                }
                other => return Err(format!("{at}: unknown option `{other}`")),
            }
        }
        keys.push(trusted);
    }
    if keys.is_empty() {
        return Err(format!("{label}: no signer in the file"));
    }
    Ok(keys)
}

fn is_key_type(s: &str) -> bool {
    s.starts_with("ssh-") || s.starts_with("ecdsa-") || s.starts_with("sk-")
}

/// Whitespace-separated fields, a double-quoted stretch kept whole.
fn split_fields(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    fields.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote".into());
    }
    if !current.is_empty() {
        fields.push(current);
    }
    Ok(fields)
}

/// Comma-separated options, commas inside quotes kept.
fn split_options(options: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in options.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => out.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `YYYYMMDD[HHMM[SS]][Z]`, as ssh-keygen writes validity times; read in
/// UTC whether or not the `Z` is there (CI machines run in UTC).
fn signer_time(value: &str, at: &str) -> Result<DateTime<Utc>, String> {
    let digits = value.trim_end_matches(['Z', 'z']);
    let parsed = match digits.len() {
        8 => NaiveDate::parse_from_str(digits, "%Y%m%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
        12 => NaiveDateTime::parse_from_str(digits, "%Y%m%d%H%M").ok(),
        14 => NaiveDateTime::parse_from_str(digits, "%Y%m%d%H%M%S").ok(),
        _ => None,
    };
    parsed
        .map(|t| t.and_utc())
        .ok_or_else(|| format!("{at}: `{value}` is not a time (YYYYMMDD[HHMM[SS]])"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh key for each test: no private key lives in the repository.
    fn new_key() -> String {
        let key = PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).unwrap();
        key.to_openssh(LineEnding::LF).unwrap().to_string()
    }

    fn signed() -> (Envelope, Vec<u8>, Signer) {
        let signer = Signer::from_openssh(&new_key(), None).unwrap();
        let payload = b"{\"a\":1}".to_vec();
        let mut e = Envelope::new(&payload);
        signer.sign(&mut e).unwrap();
        (e, payload, signer)
    }

    fn trusted(signer: &Signer, options: &str) -> Vec<TrustedKey> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("allowed_signers");
        let public = signer.key.public_key().to_openssh().unwrap();
        std::fs::write(&path, format!("ci@acme.example {options} {public}\n")).unwrap();
        read_allowed_signers(&path).unwrap()
    }

    #[test]
    fn a_signature_verifies_for_its_record_and_trusted_key_only() {
        let (e, payload, signer) = signed();
        let sig = &e.signatures[0];
        assert_eq!(sig.keyid, signer.keyid());
        let keys = trusted(&signer, "");
        assert!(matches!(
            check(&e, &payload, sig, Some(&keys), None),
            SignatureCheck::Trusted { ref principal, .. } if principal == "ci@acme.example"
        ));
        assert!(matches!(
            check(&e, &payload, sig, None, None),
            SignatureCheck::Unchecked { .. }
        ));
        assert!(matches!(
            check(&e, b"{\"a\":2}", sig, Some(&keys), None),
            SignatureCheck::Invalid { .. }
        ));
        let other_type = Envelope {
            payload_type: "text/plain".into(),
            ..e.clone()
        };
        assert!(matches!(
            check(&other_type, &payload, sig, Some(&keys), None),
            SignatureCheck::Invalid { .. }
        ));
        assert!(matches!(
            check(&e, &payload, sig, Some(&[]), None),
            SignatureCheck::Untrusted { .. }
        ));
    }

    #[test]
    fn allowed_signers_options_are_honoured() {
        let (e, payload, signer) = signed();
        let sig = &e.signatures[0];
        let git_only = trusted(&signer, "namespaces=\"git,file\"");
        assert!(matches!(
            check(&e, &payload, sig, Some(&git_only), None),
            SignatureCheck::Untrusted { .. }
        ));
        let window = trusted(
            &signer,
            "valid-after=\"20260101\",valid-before=\"20270101Z\"",
        );
        let at = |s: &str| Some(crate::dates::parse_time(s, false).unwrap());
        assert!(matches!(
            check(&e, &payload, sig, Some(&window), at("2026-06-01")),
            SignatureCheck::Trusted { .. }
        ));
        assert!(matches!(
            check(&e, &payload, sig, Some(&window), at("2027-06-01")),
            SignatureCheck::Untrusted { .. }
        ));
    }

    #[test]
    fn keys_that_cannot_sign_records_are_refused() {
        assert!(Signer::from_openssh("not a key", None).is_err());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("allowed_signers");
        std::fs::write(&path, "ci@acme cert-authority ssh-ed25519 AAAA\n").unwrap();
        assert!(read_allowed_signers(&path).is_err());
    }
}
