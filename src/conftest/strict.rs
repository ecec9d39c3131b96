//! `--strict`: OPA's strict mode refuses policies with variables assigned
//! and never used, and function arguments no body uses. regorus has no such
//! mode, so definitions are read for those two cases (a `:=` whose name no
//! other part of the definition mentions; an argument no body of the
//! function, `else` branches included, mentions) and reported as OPA words
//! them, with the file and line.

use super::engine::Policy;
use super::rego_text::{code_of, nesting};

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Uses of `name` as a variable in `text`: whole words not reached through
/// a dot (`input.b` is not `b`) and outside string literals.
fn uses(text: &str, name: &str) -> usize {
    let mut n = 0;
    for line in text.lines() {
        let chars: Vec<char> = code_of(line).chars().collect();
        let target: Vec<char> = name.chars().collect();
        let mut i = 0;
        while i + target.len() <= chars.len() {
            if chars[i..i + target.len()] == target[..]
                && (i == 0 || (!is_ident(chars[i - 1]) && chars[i - 1] != '.'))
                && chars.get(i + target.len()).is_none_or(|c| !is_ident(*c))
            {
                n += 1;
                i += target.len();
            } else {
                i += 1;
            }
        }
    }
    n
}

/// The top-level definitions of a module: (first line, head, body text),
/// an `else` chain kept with its rule.
fn definitions(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut depth: i64 = 0;
    let mut current: Option<(usize, String, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let code = code_of(line);
        let code = code.as_str();
        if depth == 0 && current.is_none() {
            let first = code.chars().next();
            let word: String = code.chars().take_while(|c| is_ident(*c)).collect();
            if first.is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && !matches!(word.as_str(), "package" | "import" | "default")
            {
                let (head, body) = match code.find('{') {
                    Some(b) => (code[..b].to_owned(), format!("{}\n", &code[b + 1..])),
                    None => (code.to_owned(), String::new()),
                };
                current = Some((i + 1, head, body));
            }
        } else if let Some((_, _, body)) = current.as_mut() {
            body.push_str(code);
            body.push('\n');
        }
        depth = (depth + nesting(code)).max(0);
        if depth == 0 {
            if let Some(d) = current.take() {
                out.push(d);
            }
        }
    }
    out.extend(current);
    out
}

/// The compile errors strict mode gives, as `file:line: rego_compile_error: ...`.
pub fn check(policies: &[Policy]) -> Vec<String> {
    let mut errors = Vec::new();
    for p in policies {
        for (line, head, body) in definitions(&p.text) {
            // Arguments of a function head `f(x, y)`.
            if let (Some(open), Some(close)) = (head.find('('), head.find(')')) {
                let name = head[..open].trim();
                if !name.is_empty() && name.chars().all(is_ident) {
                    for arg in head[open + 1..close].split(',') {
                        let arg = arg.trim();
                        if !arg.is_empty()
                            && arg != "_"
                            && arg.chars().all(is_ident)
                            && uses(&body, arg) == 0
                        {
                            errors.push(format!(
                                "{}:{line}: rego_compile_error: unused argument {arg}",
                                p.path
                            ));
                        }
                    }
                }
            }
            // Assignments `x := ...` at the start of a body line.
            for (offset, l) in body.lines().enumerate() {
                let t = l.trim_start();
                let name: String = t.chars().take_while(|c| is_ident(*c)).collect();
                if name.is_empty() || name == "_" {
                    continue;
                }
                if !t[name.len()..].trim_start().starts_with(":=") {
                    continue;
                }
                if uses(&body, &name) + uses(&head, &name) <= 1 {
                    errors.push(format!(
                        "{}:{}: rego_compile_error: assigned var {name} unused",
                        p.path,
                        line + offset
                    ));
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_assignments_and_arguments_are_found() {
        let text = "package main\n\nallow if {\n    input.b == \"foo\"\n    a := 1\n    b := 2\n    x := {\n        \"a\": a,\n    }\n}\n\nf(x, y) if {\n\tinput.t == x\n} else := false if {\n    input.t == \"foo\"\n}\n\ng(x, y) if {\n\tinput.t == x\n} else if {\n\tinput.t == y\n}\n";
        let p = Policy {
            path: "p.rego".into(),
            package: "main".into(),
            text: text.into(),
        };
        let errors = check(&[p]);
        assert_eq!(
            errors,
            [
                "p.rego:6: rego_compile_error: assigned var b unused",
                "p.rego:7: rego_compile_error: assigned var x unused",
                "p.rego:12: rego_compile_error: unused argument y",
            ]
        );
    }
}
