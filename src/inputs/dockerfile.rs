//! Dockerfiles: the list of instructions in conftest's shape (`Cmd`
//! lower-case, `SubCmd`, `JSON`, `Flags`, `Value`, `Stage`, `Original`), plus
//! `Line` and `EndLine` of each, so conftest's Dockerfile policies run
//! unchanged and findings can point at a line.
//!
//! Written here rather than taken from a crate: the one Rust Dockerfile
//! parser on crates.io (`dockerfile-parser`) models instructions its own way
//! and rejects files BuildKit accepts, while conftest's shape is BuildKit's
//! line-level split, which is small: logical lines (escape continuations,
//! comments, heredocs), then per-instruction argument rules.

use super::locate::Locator;
use super::{Document, InputError, InputKind, Parsed};
use serde_json::{json, Value};

/// One logical instruction line.
struct Logical {
    text: String,
    line: usize,
    end_line: usize,
}

pub fn parse_dockerfile(path: &str, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let escape = escape_directive(text);
    let logical = match logical_lines(text, escape) {
        Ok(l) => l,
        Err(e) => {
            parsed
                .errors
                .push(InputError::new(path, e.1).at(Some(e.0), None));
            return parsed;
        }
    };
    let mut stage: i64 = -1;
    let mut stages: Vec<(Option<String>, usize)> = Vec::new();
    let mut instructions = Vec::with_capacity(logical.len());
    for l in logical {
        let (word, rest) = split_word(&l.text);
        if word.is_empty() {
            continue;
        }
        let cmd = word.to_ascii_lowercase();
        if !cmd.chars().all(|c| c.is_ascii_alphabetic()) {
            parsed.errors.push(
                InputError::new(path, format!("unknown instruction `{word}`"))
                    .at(Some(l.line), None),
            );
            continue;
        }
        if cmd == "from" {
            stage += 1;
        }
        let (sub_cmd, body) = if cmd == "onbuild" {
            let (w, r) = split_word(rest);
            (w.to_ascii_lowercase(), r)
        } else {
            (String::new(), rest)
        };
        let effective = if sub_cmd.is_empty() {
            cmd.as_str()
        } else {
            sub_cmd.as_str()
        };
        let (flags, args) = extract_flags(body);
        let (is_json, value) = arguments(effective, args);
        if cmd == "from" {
            let name = match value.as_slice() {
                [_, as_kw, name, ..] if as_kw.eq_ignore_ascii_case("as") => Some(name.clone()),
                _ => None,
            };
            stages.push((name, l.line));
        }
        instructions.push(json!({
            "Cmd": cmd,
            "SubCmd": sub_cmd,
            "JSON": is_json,
            "Flags": flags,
            "Value": value,
            "Stage": stage.max(0),
            "Original": l.text,
            "Line": l.line,
            "EndLine": l.end_line,
        }));
    }
    parsed.documents.push(Document {
        kind: InputKind::Dockerfile,
        path: path.to_owned(),
        index: 0,
        value: Value::Array(instructions),
        locator: Locator::Dockerfile {
            path: path.to_owned(),
            stages,
        },
        instance: None,
    });
    parsed
}

/// The `# escape=` parser directive, if the file starts with one.
fn escape_directive(text: &str) -> char {
    for line in text.lines() {
        let t = line.trim();
        let Some(d) = t.strip_prefix('#') else { break };
        let d = d.trim();
        if let Some(v) = d
            .strip_prefix("escape=")
            .or_else(|| d.strip_prefix("escape ="))
        {
            if let Some(c) = v.trim().chars().next() {
                return c;
            }
        }
        if !d.contains('=') {
            break;
        }
    }
    '\\'
}

/// Join continuation lines, drop comments, take heredoc bodies whole.
fn logical_lines(text: &str, escape: char) -> Result<Vec<Logical>, (usize, String)> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let first = lines[i].trim_start();
        if first.is_empty() || first.starts_with('#') {
            i += 1;
            continue;
        }
        let mut text = String::new();
        loop {
            let line = lines[i];
            let trimmed_end = line.trim_end();
            if let Some(stripped) = trimmed_end.strip_suffix(escape) {
                text.push_str(stripped);
                i += 1;
                // skip comment and blank lines inside a continuation
                while i < lines.len() {
                    let t = lines[i].trim_start();
                    if t.starts_with('#') || t.is_empty() {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if i >= lines.len() {
                    break;
                }
            } else {
                text.push_str(line);
                i += 1;
                break;
            }
        }
        // Heredocs: `<<EOF`, `<<-EOF`, `<<"EOF"`: the body runs to the terminator.
        for marker in heredoc_markers(&text) {
            loop {
                let Some(line) = lines.get(i) else {
                    return Err((start + 1, format!("heredoc `{marker}` is never closed")));
                };
                text.push('\n');
                text.push_str(line);
                i += 1;
                if line.trim() == marker {
                    break;
                }
            }
        }
        out.push(Logical {
            text: text.trim().to_owned(),
            line: start + 1,
            end_line: i.max(start + 1),
        });
    }
    Ok(out)
}

fn heredoc_markers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(pos) = rest.find("<<") {
        let after = &rest[pos + 2..];
        let after = after.strip_prefix('-').unwrap_or(after);
        let word: String = after
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !word.is_empty() && word.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            out.push(word);
        }
        rest = &rest[pos + 2..];
    }
    out
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Leading `--flag[=value]` words.
fn extract_flags(s: &str) -> (Vec<String>, &str) {
    let mut flags = Vec::new();
    let mut rest = s;
    loop {
        let (w, r) = split_word(rest);
        if w.starts_with("--") && w.len() > 2 {
            flags.push(w.to_owned());
            rest = r;
        } else {
            return (flags, rest);
        }
    }
}

/// An instruction's `Value` by BuildKit's rules, and whether it was the JSON form.
fn arguments(cmd: &str, args: &str) -> (bool, Vec<String>) {
    let json_capable = matches!(
        cmd,
        "run" | "cmd" | "entrypoint" | "shell" | "copy" | "add" | "volume"
    );
    if json_capable && args.starts_with('[') {
        if let Ok(list) = serde_json::from_str::<Vec<String>>(args) {
            return (true, list);
        }
    }
    let value = match cmd {
        "run" | "cmd" | "entrypoint" | "shell" => {
            if args.is_empty() {
                vec![]
            } else {
                vec![args.to_owned()]
            }
        }
        "env" | "label" => key_values(args),
        "healthcheck" => {
            let (w, r) = split_word(args);
            if w.eq_ignore_ascii_case("cmd") {
                match serde_json::from_str::<Vec<String>>(r) {
                    Ok(list) => std::iter::once("CMD".to_owned()).chain(list).collect(),
                    Err(_) => vec!["CMD-SHELL".to_owned(), r.to_owned()],
                }
            } else {
                words(args)
            }
        }
        _ => words(args),
    };
    (false, value)
}

/// Whitespace-separated words, honouring quotes.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                any = true;
            }
            None if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            None => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `ENV`/`LABEL` arguments as alternating names and values: `a=1 b="x y"`
/// and the legacy `ENV name value with spaces`.
fn key_values(s: &str) -> Vec<String> {
    let ws = words(s);
    if ws.first().is_some_and(|w| !w.contains('=')) {
        let (name, rest) = split_word(s);
        return vec![name.to_owned(), rest.to_owned()];
    }
    let mut out = Vec::new();
    for w in ws {
        match w.split_once('=') {
            Some((k, v)) => {
                out.push(k.to_owned());
                out.push(v.to_owned());
            }
            None => {
                out.push(w);
                out.push(String::new());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instructions(text: &str) -> Vec<Value> {
        let parsed = parse_dockerfile("Dockerfile", text);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        parsed.documents[0].value.as_array().unwrap().clone()
    }

    #[test]
    fn conftest_shape_with_lines_and_stages() {
        let i = instructions(
            "# syntax=docker/dockerfile:1\nFROM --platform=linux/amd64 golang:1.22 AS build\nRUN go build \\\n    -o /app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nENV A=1 B=\"two words\"\nUSER nonroot\nCMD [\"/app\"]\n",
        );
        assert_eq!(i.len(), 7);
        assert_eq!(i[0]["Cmd"], "from");
        assert_eq!(i[0]["Flags"], json!(["--platform=linux/amd64"]));
        assert_eq!(i[0]["Value"], json!(["golang:1.22", "AS", "build"]));
        assert_eq!(i[0]["Line"], 2);
        assert_eq!(i[1]["Value"], json!(["go build     -o /app ."]));
        assert_eq!(i[1]["Line"], 3);
        assert_eq!(i[1]["EndLine"], 4);
        assert_eq!(i[2]["Stage"], 1);
        assert_eq!(i[3]["Value"], json!(["/app", "/app"]));
        assert_eq!(i[3]["Flags"], json!(["--from=build"]));
        assert_eq!(i[4]["Value"], json!(["A", "1", "B", "two words"]));
        assert_eq!(i[5]["Value"], json!(["nonroot"]));
        assert_eq!(i[6]["JSON"], true);
        assert_eq!(i[6]["Value"], json!(["/app"]));
    }

    #[test]
    fn stage_names_locate_their_from_line() {
        let parsed = parse_dockerfile("Dockerfile", "FROM a AS one\nRUN x\nFROM b AS two\n");
        let doc = &parsed.documents[0];
        assert_eq!(
            doc.locator
                .locate(&doc.value, Some("stage:two"), None)
                .unwrap()
                .line,
            3
        );
    }

    #[test]
    fn heredocs_and_unknown_instructions() {
        let i = instructions("FROM a\nRUN <<EOF\necho hi\nEOF\nUSER app\n");
        assert_eq!(i[1]["EndLine"], 4);
        assert_eq!(i[2]["Cmd"], "user");
        let bad = parse_dockerfile("Dockerfile", "FROM a\nRUN <<EOF\necho\n");
        assert!(bad.errors[0].message.contains("never closed"));
    }
}
