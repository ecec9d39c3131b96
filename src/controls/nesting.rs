//! How deeply a user policy's brackets nest, checked before regorus parses
//! it: regorus's parser takes time that doubles with each level of nested
//! `[` or `{` (24 levels took 17 s, outside any time limit). Real policies
//! nest a handful of levels; a policy past the limit is refused (exit 2)
//! naming the line, in one linear pass.

use super::PolicyError;

/// Deepest nesting of `(`, `[` and `{` accepted in a user policy.
pub const MAX_POLICY_NESTING: usize = 16;

/// Refuse a policy whose brackets nest deeper than [`MAX_POLICY_NESTING`].
/// Brackets in comments and strings (quoted or raw) do not count.
pub fn check(label: &str, text: &str) -> Result<(), PolicyError> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '#' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for n in chars.by_ref() {
                    match n {
                        '\n' => {
                            line += 1;
                            break; // an unterminated string: the parser says so
                        }
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
            }
            '`' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                    }
                    if n == '`' {
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_POLICY_NESTING {
                    return Err(PolicyError {
                        file: label.to_owned(),
                        line: Some(line),
                        message: format!(
                            "brackets nest more than {MAX_POLICY_NESTING} levels deep; assure refuses such policies (regorus takes time exponential in the nesting to load them)"
                        ),
                    });
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_and_strings_do_not_count() {
        let deep = format!("package p\n\nx := {}1{}\n", "[".repeat(17), "]".repeat(17));
        let e = check("p.rego", &deep).unwrap_err();
        assert_eq!(e.line, Some(3));
        let ok = format!("package p\n\nx := {}1{}\n", "[".repeat(16), "]".repeat(16));
        assert!(check("p.rego", &ok).is_ok());
        let quoted = format!(
            "package p\n# {}\ns := \"{}\\\"\"\nr := `{}`\n",
            "[".repeat(40),
            "{".repeat(40),
            "(".repeat(40)
        );
        assert!(check("p.rego", &quoted).is_ok());
    }
}
