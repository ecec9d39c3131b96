//! Inline waivers: a comment in a scanned file (HCL, YAML, Dockerfile)
//!
//! ```text
//! # assure:waive <control-id> until <YYYY-MM-DD> owner <who> <reason>
//! ```
//!
//! on the line of the resource, or on its own line(s) right above it. The
//! same fields as an `assure.yaml` waiver are required (all but the
//! resource, which is the one the comment stands next to); a comment that
//! lacks one is an input error, never silently ignored.

use super::InputError;
use serde::Serialize;

const MARKER: &str = "assure:waive";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineWaiver {
    pub path: String,
    /// Line of the comment.
    pub line: usize,
    /// Line the waiver applies to: the resource (or finding) it stands next to.
    pub applies_to: usize,
    pub control: String,
    pub reason: String,
    pub owner: String,
    pub expires: String,
}

/// Find the inline waivers of a file. Cheap when there are none.
pub fn scan(path: &str, text: &str) -> (Vec<InlineWaiver>, Vec<InputError>) {
    let mut waivers = Vec::new();
    let mut errors = Vec::new();
    if !text.contains(MARKER) {
        return (waivers, errors);
    }
    let lines: Vec<&str> = text.lines().collect();
    let is_comment = |l: &str| {
        let t = l.trim_start();
        t.starts_with('#') || t.starts_with("//")
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(pos) = line.find(MARKER) else {
            continue;
        };
        let before = &line[..pos];
        let Some(comment_at) = before.rfind('#').or_else(|| before.rfind("//")) else {
            continue; // the marker outside a comment (a string value) is not a waiver
        };
        let code_before = line[..comment_at].trim();
        let applies_to = if !code_before.is_empty() {
            i + 1
        } else {
            match lines[i + 1..]
                .iter()
                .position(|l| !l.trim().is_empty() && !is_comment(l))
            {
                Some(off) => i + 2 + off,
                None => {
                    errors.push(
                        InputError::new(path, "inline waiver stands before no resource")
                            .at(Some(i + 1), None),
                    );
                    continue;
                }
            }
        };
        match parse(&line[pos + MARKER.len()..]) {
            Ok((control, until, owner, reason)) => waivers.push(InlineWaiver {
                path: path.to_owned(),
                line: i + 1,
                applies_to,
                control,
                reason,
                owner,
                expires: until,
            }),
            Err(msg) => errors.push(
                InputError::new(path, format!("invalid inline waiver: {msg}"))
                    .at(Some(i + 1), None),
            ),
        }
    }
    (waivers, errors)
}

/// `<control> until <date> owner <who> <reason...>` (keywords in any order
/// after the control id).
fn parse(rest: &str) -> Result<(String, String, String, String), String> {
    let mut words = rest.split_whitespace().peekable();
    let control = words.next().ok_or("missing the control id")?.to_owned();
    let mut until = None;
    let mut owner = None;
    let mut reason: Vec<&str> = Vec::new();
    while let Some(w) = words.next() {
        match w {
            "until" => until = words.next().map(str::to_owned),
            "owner" => owner = words.next().map(str::to_owned),
            other => reason.push(other),
        }
    }
    let until = until.ok_or("missing `until <YYYY-MM-DD>`")?;
    if crate::dates::parse_date(&until).is_none() {
        return Err(format!("`{until}` is not an ISO date (YYYY-MM-DD)"));
    }
    let owner = owner.ok_or("missing `owner <who>`")?;
    let reason = reason.join(" ").trim_matches([':', '-', ' ']).to_owned();
    if reason.is_empty() {
        return Err("missing the reason".into());
    }
    Ok((control, until, owner, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_above_and_beside_resources() {
        let text = "# assure:waive aws-s3-versioning until 2027-03-31 owner platform@example.com replaced by the archive, OPS-41\n# another comment\n\nresource \"aws_s3_bucket\" \"old\" {\n  acl = \"private\" # assure:waive aws-s3-acl until 2027-01-01 owner ops: legacy ACL\n}\n";
        let (w, e) = scan("main.tf", text);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].line, w[0].applies_to), (1, 4));
        assert_eq!(w[0].reason, "replaced by the archive, OPS-41");
        assert_eq!(w[0].owner, "platform@example.com");
        assert_eq!(
            (w[1].line, w[1].applies_to, w[1].control.as_str()),
            (5, 5, "aws-s3-acl")
        );
        assert_eq!(w[1].reason, "legacy ACL");
    }

    #[test]
    fn missing_fields_are_errors() {
        for bad in [
            "# assure:waive\nx: 1\n",
            "# assure:waive c owner o reason\nx: 1\n",
            "# assure:waive c until 2027-01-01 reason\nx: 1\n",
            "# assure:waive c until tomorrow owner o r\nx: 1\n",
            "# assure:waive c until 2027-01-01 owner o\nx: 1\n",
            "x: 1\n# assure:waive c until 2027-01-01 owner o r\n",
        ] {
            let (w, e) = scan("a.yaml", bad);
            assert!(w.is_empty() && e.len() == 1, "{bad}: {w:?} {e:?}");
        }
        assert_eq!(
            scan("a.yaml", "note: \"assure:waive is documented\"\n")
                .0
                .len(),
            0
        );
    }
}
