//! Reading Rego source as text, for what regorus does not expose (rule
//! bodies, calls, variable uses): a line's code without its comment and
//! with string literals blanked (so `"a{#"` neither opens a block nor
//! starts a comment), and how much a line opens or closes.

/// The code of a line: cut at a `#` outside strings, each string literal's
/// content (escapes included) replaced by spaces; raw strings too.
pub fn code_of(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                    out.push(' ');
                } else if c == '\\' && q == '"' {
                    escaped = true;
                    out.push(' ');
                } else if c == q {
                    quote = None;
                    out.push(c);
                } else {
                    out.push(' ');
                }
            }
            None => match c {
                '#' => break,
                '"' | '`' => {
                    quote = Some(c);
                    out.push(c);
                }
                _ => out.push(c),
            },
        }
    }
    out
}

/// Brackets opened minus brackets closed in a line's code.
pub fn nesting(code: &str) -> i64 {
    code.chars()
        .map(|c| match c {
            '{' | '[' | '(' => 1,
            '}' | ']' | ')' => -1,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_are_not_code() {
        assert_eq!(code_of(r#"x := "a{#\"b" # c"#), r#"x := "      " "#);
        assert_eq!(nesting(&code_of(r#"f(x) if { y := "}}}" "#)), 1);
    }
}
