//! Which policy modules a control needs: its own package's modules and,
//! transitively, every module whose package it refers to through `data`.
//!
//! Evaluation runs each control in an engine holding only those modules,
//! because regorus scans every loaded module on each `data.` lookup that is
//! not yet cached: with the whole library loaded (130 modules) that scan was
//! the largest single cost of a scan. The analysis reads the Rego text and
//! errs on the side of including: a module is needed when a `data` reference
//! outside strings and comments names its package, a parent of it or a rule
//! inside it, and a bare `data` or `data[...]` (a dynamic reference) needs
//! every module. Including too much only costs time; missing a module would
//! change results, so anything unusual includes everything.

use crate::inputs::inventory::Parts;
use std::collections::BTreeSet;

/// What a module's text refers to under `data`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DataRefs {
    /// A reference whose target cannot be read from the text.
    pub dynamic: bool,
    /// Static references, as path components after `data`.
    pub paths: Vec<Vec<String>>,
}

impl DataRefs {
    /// Whether the module may read the scan's inventory (`data.inventory`).
    pub fn reads_inventory(&self) -> bool {
        self.dynamic
            || self
                .paths
                .iter()
                .any(|p| p.first().is_some_and(|c| c == "inventory"))
    }

    /// Which parts of the inventory the module may read (all of them for a
    /// reference it cannot read statically, or `data` itself).
    pub fn inventory_parts(&self) -> Parts {
        if self.dynamic {
            return Parts::ALL;
        }
        self.paths
            .iter()
            .map(|p| {
                if p.is_empty() {
                    Parts::ALL
                } else {
                    Parts::read_by(p)
                }
            })
            .fold(Parts::default(), Parts::union)
    }
}

/// The `data` references in a Rego module's text.
pub fn data_refs(text: &str) -> DataRefs {
    let mut refs = DataRefs::default();
    let code = code_only(text);
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while let Some(pos) = code[i..].find("data") {
        let start = i + pos;
        let end = start + 4;
        i = end;
        let before = start.checked_sub(1).map(|p| bytes[p]);
        if before.is_some_and(|b| is_ident(b) || b == b'.') {
            continue; // `metadata`, `input.data`
        }
        if bytes.get(end).is_some_and(|&b| is_ident(b)) {
            continue; // `database`
        }
        let mut path = Vec::new();
        let mut at = end;
        while bytes.get(at) == Some(&b'.') {
            let len = bytes[at + 1..].iter().take_while(|&&b| is_ident(b)).count();
            if len == 0 {
                break;
            }
            path.push(code[at + 1..at + 1 + len].to_owned());
            at += 1 + len;
        }
        if path.is_empty() {
            refs.dynamic = true;
        } else {
            refs.paths.push(path);
        }
    }
    refs
}

/// The text with string literals and comments blanked out (same length, so
/// nothing inside them reads as a reference).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => blank_until(&mut chars, &mut out, '\n'),
            '"' => {
                out.push(' ');
                let mut escaped = false;
                for c in chars.by_ref() {
                    out.push(if c == '\n' { '\n' } else { ' ' });
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
            }
            '`' => blank_until(&mut chars, &mut out, '`'),
            c => out.push(c),
        }
    }
    out
}

/// Blank an opening character and what follows it up to and including
/// `end` (a comment to its newline, a raw string to its backquote),
/// keeping newlines.
fn blank_until(chars: &mut std::str::Chars<'_>, out: &mut String, end: char) {
    out.push(' ');
    for c in chars.by_ref() {
        out.push(if c == '\n' { '\n' } else { ' ' });
        if c == end {
            break;
        }
    }
}

/// A package name as path components, or `None` when it is not a plain
/// dotted name (`package a["b-c"]`), which the analysis does not follow.
fn components(package: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = package.split('.').map(str::to_owned).collect();
    parts
        .iter()
        .all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !p.as_bytes()[0].is_ascii_digit()
        })
        .then_some(parts)
}

/// The modules (indexes into `packages`, each module's package name) that
/// evaluating package `root` needs, given each module's references. The
/// result is sorted; it holds every module when anything is unclear.
pub fn needed_modules(root: &str, packages: &[String], refs: &[DataRefs]) -> Vec<usize> {
    let all: Vec<usize> = (0..packages.len()).collect();
    let parsed: Option<Vec<Vec<String>>> = packages.iter().map(|p| components(p)).collect();
    let Some(parsed) = parsed else {
        return all;
    };
    let mut needed: BTreeSet<usize> = (0..packages.len())
        .filter(|&i| packages[i] == root)
        .collect();
    let mut queue: Vec<usize> = needed.iter().copied().collect();
    while let Some(m) = queue.pop() {
        if refs[m].dynamic {
            return all;
        }
        for path in &refs[m].paths {
            for (j, pkg) in parsed.iter().enumerate() {
                // `data.a.b` needs package `a.b.c` (a subtree) and package
                // `a` (a rule `b` in it).
                if (pkg.starts_with(path) || path.starts_with(pkg)) && needed.insert(j) {
                    queue.push(j);
                }
            }
        }
    }
    needed.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Vec<String> {
        data_refs(text).paths.iter().map(|p| p.join(".")).collect()
    }

    #[test]
    fn reads_imports_and_inline_references() {
        let text = "package a\nimport data.lib.k8s\nx := data.inventory.kubernetes\ny := data.lib.tf.resources(\"t\")\n";
        assert_eq!(
            paths(text),
            ["lib.k8s", "inventory.kubernetes", "lib.tf.resources"]
        );
        assert!(!data_refs(text).dynamic);
    }

    #[test]
    fn ignores_strings_comments_and_other_words() {
        let text = "# encrypts data at rest, see data.secret\nmsg := \"data.x is \\\" data\"\nr := `data.raw`\nm := input.metadata.name\nd := input.data[t]\ndb := database\n";
        assert_eq!(data_refs(text), DataRefs::default());
    }

    #[test]
    fn inventory_readers_are_found() {
        assert!(data_refs("x := data.inventory.kubernetes").reads_inventory());
        assert!(data_refs("import data.inventory as inv").reads_inventory());
        assert!(data_refs("x := data[k]").reads_inventory());
        assert!(!data_refs("x := data.lib.inventory").reads_inventory());
        assert!(!data_refs("# data.inventory\nx := input.inventory").reads_inventory());
    }

    #[test]
    fn a_bare_or_dynamic_reference_is_dynamic() {
        assert!(data_refs("x := data").dynamic);
        assert!(data_refs("x := data[k]").dynamic);
        assert!(data_refs("x := object.get(data, [\"a\"], 1)").dynamic);
    }

    #[test]
    fn follows_references_transitively_and_both_ways() {
        let packages: Vec<String> = ["ctl", "lib.k8s", "lib.tf", "lib", "other", "ctl"]
            .map(String::from)
            .to_vec();
        let refs = vec![
            data_refs("import data.lib.k8s"),
            data_refs("x := data.lib.helper"),
            data_refs(""),
            data_refs(""),
            data_refs(""),
            data_refs(""),
        ];
        // ctl (both modules) -> lib.k8s -> lib (rule `helper` in package
        // lib) and lib.k8s's subtree; not lib.tf, not other.
        assert_eq!(needed_modules("ctl", &packages, &refs), [0, 1, 3, 5]);
        // A reference to a parent needs the whole subtree.
        let refs = vec![
            data_refs("import data.lib"),
            data_refs(""),
            data_refs(""),
            data_refs(""),
            data_refs(""),
            data_refs(""),
        ];
        assert_eq!(needed_modules("ctl", &packages, &refs), [0, 1, 2, 3, 5]);
    }

    #[test]
    fn anything_unclear_needs_every_module() {
        let packages: Vec<String> = ["ctl", "lib"].map(String::from).to_vec();
        let dynamic = vec![data_refs("x := data[k]"), data_refs("")];
        assert_eq!(needed_modules("ctl", &packages, &dynamic), [0, 1]);
        let quoted: Vec<String> = ["ctl", "lib[\"x-y\"]"].map(String::from).to_vec();
        let refs = vec![data_refs(""), data_refs("")];
        assert_eq!(needed_modules("ctl", &quoted, &refs), [0, 1]);
    }
}
