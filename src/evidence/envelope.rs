//! DSSE envelopes: the payload (a serialized in-toto Statement) with its
//! type, base64-encoded, and signatures over the pre-authentication
//! encoding (PAE) of the two, so a signature covers the type as well as
//! the bytes. A record file is the envelope in one canonical form; any
//! other bytes (a changed space, a reordered key) are refused, so a record
//! has exactly one spelling and every change to a file is visible.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The DSSE payload type of an in-toto Statement.
pub const PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// Base64 (standard alphabet, padded) of the payload bytes.
    pub payload: String,
    pub signatures: Vec<Signature>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signing key's fingerprint (`SHA256:...`, as `ssh-keygen -l`
    /// prints it).
    pub keyid: String,
    /// Base64 of the signature: an SSHSIG in the armored form
    /// `ssh-keygen -Y sign` writes, so `base64 -d` gives the file
    /// `ssh-keygen -Y verify -s` reads.
    pub sig: String,
}

/// DSSE's pre-authentication encoding: what is signed.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {} {} ",
        payload_type.len(),
        payload_type,
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

impl Envelope {
    /// An unsigned envelope around a payload.
    pub fn new(payload: &[u8]) -> Envelope {
        Envelope {
            payload_type: PAYLOAD_TYPE.to_owned(),
            payload: STANDARD.encode(payload),
            signatures: vec![],
        }
    }

    /// The payload's bytes; an error when it is not canonical base64.
    pub fn payload_bytes(&self) -> Result<Vec<u8>, String> {
        let bytes = STANDARD
            .decode(&self.payload)
            .map_err(|e| format!("the payload is not base64: {e}"))?;
        if STANDARD.encode(&bytes) != self.payload {
            return Err("the payload's base64 is not in canonical form".into());
        }
        Ok(bytes)
    }

    /// The envelope as a record file holds it: compact JSON, fields in
    /// the order above, one newline at the end.
    pub fn to_canonical(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Read a record file; only its canonical form is accepted.
    pub fn from_canonical(bytes: &[u8]) -> Result<Envelope, String> {
        let envelope: Envelope =
            serde_json::from_slice(bytes).map_err(|e| format!("not a DSSE envelope: {e}"))?;
        if envelope.to_canonical() != bytes {
            return Err(
                "not in canonical form: its bytes differ from what assure writes for its content"
                    .into(),
            );
        }
        Ok(envelope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_is_dsse_v1() {
        // The example of the DSSE specification.
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
    }

    #[test]
    fn a_record_has_one_spelling() {
        let mut e = Envelope::new(b"{\"a\":1}");
        e.signatures.push(Signature {
            keyid: "SHA256:x".into(),
            sig: "c2ln".into(),
        });
        let bytes = e.to_canonical();
        assert_eq!(Envelope::from_canonical(&bytes), Ok(e.clone()));
        assert_eq!(e.payload_bytes().as_deref(), Ok(&b"{\"a\":1}"[..]));
        let spaced = String::from_utf8(bytes.clone())
            .unwrap()
            .replacen(",", ", ", 1);
        assert!(Envelope::from_canonical(spaced.as_bytes()).is_err());
        let mut no_newline = bytes.clone();
        no_newline.pop();
        assert!(Envelope::from_canonical(&no_newline).is_err());
        // Base64 with a non-zero padding bit decodes to the same bytes
        // elsewhere; here it is refused.
        let odd = Envelope {
            payload: "YR==".into(),
            ..Envelope::new(b"")
        };
        assert!(odd.payload_bytes().is_err());
    }
}
