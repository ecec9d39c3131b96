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
    let in_text_block = text_block_lines(&lines);
    for (i, line) in lines.iter().enumerate() {
        if !line.contains(MARKER) || in_text_block[i] {
            continue; // inside a YAML block scalar or an HCL heredoc: text
        }
        // The marker counts only in a comment: after a `#` (or `//`) that
        // is outside quotes, never inside a string value.
        let Some(comment_at) = comment_start(line) else {
            continue;
        };
        let Some(pos) = line[comment_at..].find(MARKER).map(|p| p + comment_at) else {
            continue;
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

/// Where the comment of a line starts: the first `#` (or `//`) outside
/// single or double quotes, at the line start or after a space (a `#`
/// inside a word, as in a URL fragment, starts nothing in YAML).
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'#' | b'/' => {
                    let starts = b == b'#' || bytes.get(i + 1) == Some(&b'/');
                    let after_space = i == 0 || bytes[i - 1].is_ascii_whitespace();
                    if starts && after_space {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Lines that are the text of a YAML block scalar (`key: |`, `- >-`) or
/// an HCL heredoc (`<<EOF` ... `EOF`): a marker there is data, not a comment.
fn text_block_lines(lines: &[&str]) -> Vec<bool> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let code = lines[i].split(" #").next().unwrap_or("").trim_end();
        if let Some(tag) = code.rfind("<<").map(|p| &code[p + 2..]) {
            let tag = tag.trim_start_matches('-').trim();
            if !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                let mut j = i + 1;
                while j < lines.len() && lines[j].trim() != tag {
                    out[j] = true;
                    j += 1;
                }
                i = j + 1;
                continue;
            }
        }
        // `key: |`, `- >-`, `key: |2+`: an indicator after a key or a dash.
        let mut tokens = code.split_whitespace().rev();
        let block = match (tokens.next(), tokens.next()) {
            (Some(t), Some(prev)) => {
                (t.starts_with('|') || t.starts_with('>'))
                    && t.len() <= 3
                    && t[1..].chars().all(|c| "+-0123456789".contains(c))
                    && (prev.ends_with(':') || prev == "-")
            }
            _ => false,
        };
        if block {
            let base = indent(lines[i]);
            let mut j = i + 1;
            while j < lines.len() && (lines[j].trim().is_empty() || indent(lines[j]) > base) {
                out[j] = true;
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
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

    #[test]
    fn markers_in_strings_and_text_blocks_are_not_waivers() {
        let marker = "assure:waive k8s-privileged-container until 2027-01-01 owner o reason";
        for text in [
            format!("note: \"x # {marker}\"\nkind: Pod\n"),
            format!("note: 'it''s # {marker}'\nkind: Pod\n"),
            format!("url: http://x/#{marker}\nkind: Pod\n"),
            format!("script: |\n  echo hi\n  # {marker}\nkind: Pod\n"),
            format!("steps:\n  - >-\n    # {marker}\nkind: Pod\n"),
            format!("resource \"x\" \"y\" {{\n  policy = <<EOF\n# {marker}\nEOF\n}}\n"),
            format!("resource \"x\" \"y\" {{\n  d = \"a\\\" # {marker}\"\n}}\n"),
        ] {
            let (w, e) = scan("a.yaml", &text);
            assert!(w.is_empty() && e.is_empty(), "{text}: {w:?} {e:?}");
        }
        // Real comments still count, after a string holding a `#`.
        let (w, _) = scan("a.yaml", &format!("image: \"a#b\" # {marker}\nx: 1\n"));
        assert_eq!(w.len(), 1);
        let (w, _) = scan("main.tf", &format!("  acl = \"private\" // {marker}\n"));
        assert_eq!(w.len(), 1);
    }
}
