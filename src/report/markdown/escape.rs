//! Text from the scanned repository made inert for Markdown (and the HTML
//! wikis render it to), and the few fixed words status is shown with.

use super::*;

/// Text from the scan (messages, titles, reasons) made inert for Markdown
/// and for the HTML wikis render it to: `<`, `>` and `&` as entities,
/// characters that open emphasis, code, links or strike-through, and the
/// table separator `|`, backslash-escaped; line breaks and other control
/// characters as spaces, so a row stays one row. Underscores inside a word
/// (`aws_s3_bucket`) cannot open emphasis and are left as they are, to keep
/// the file readable as plain text.
pub(super) fn esc(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let word = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' if word(i.checked_sub(1)) && word(Some(i + 1)) => out.push(c),
            '_' => out.push_str("\\_"),
            // Would start a heading, a list or a rule where the text begins a line.
            '#' | '+' | '-' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A code span for a path, resource name or id in a table cell: shown as
/// written. The fence is longer than any run of backticks inside; `|` is
/// escaped, which GitHub's tables undo inside code spans too.
pub(super) fn code(s: &str) -> String {
    span(s, true)
}

/// [`code`] outside a table, where `\|` would show its backslash.
pub(super) fn code_text(s: &str) -> String {
    span(s, false)
}

fn span(s: &str, in_table: bool) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.is_empty() {
        return String::new();
    }
    let s = if in_table { s.replace('|', "\\|") } else { s };
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space on both sides is stripped again by Markdown; it keeps a
    // leading or trailing backtick or space apart from the fence.
    let pad = if s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// Plain words (no emoji: wikis, PDFs and terminals render them unevenly),
/// bold where a reader must act.
pub(super) fn badge(s: Status) -> &'static str {
    match s {
        Status::Passing => "passing",
        Status::Failing => "**failing**",
        Status::Incomplete => "**incomplete** (evaluation errors)",
        Status::Waived => "waived only",
        Status::Partial => "**partial** (some of its controls were not run)",
        Status::NotExamined => "not examined (its controls found nothing to check)",
        Status::Manual => "manual evidence needed",
    }
}
