//! Chains of rules too long to evaluate, refused at load.
//!
//! regorus evaluates a rule that refers to another rule (or calls a
//! function) by evaluating that one first, on the same stack: a policy of
//! 3,000 rules each defined by the next (`r1 := r0 + 1`, ...) overflowed an
//! 8 MiB stack, which aborts the process and loses every result. Such a
//! policy is never written by hand, but a generated or hostile one can be.
//! So the user's policies are checked before anything runs: every rule and
//! function, the rules and functions it refers to (read from regorus's parse
//! tree), and the longest chain of such references; past
//! [`MAX_CHAIN`] the run stops (exit 2) naming the file and line where the
//! chain starts. The built-in library is not checked: it is the project's,
//! and tested.
//!
//! A name is taken as a reference to a rule of the package when a rule has
//! that name, even where a local variable shadows it: the chain can only be
//! counted longer than it is, and only a chain near the limit could be.

use super::recursion::{package_and_imports, ref_path, resolutions};
use super::PolicyError;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The longest chain of rules referring to rules accepted. At the measured
/// ~4 KB of stack per link it needs ~4 MB, an eighth of a worker's stack.
pub const MAX_CHAIN: usize = 1_000;

/// Check the chains of parsed modules (regorus's AST as JSON).
pub(super) fn check_modules(modules: &[Value]) -> Result<(), PolicyError> {
    let graph = reference_graph(modules);
    let (depth, start) = longest_chain(&graph.refers);
    if depth <= MAX_CHAIN {
        return Ok(());
    }
    let (file, line) = graph.defined_at.get(&start).cloned().unwrap_or_default();
    Err(PolicyError {
        file,
        line: Some(line),
        message: format!(
            "rule `{start}` starts a chain of {depth} rules each referring to the next (at most {MAX_CHAIN}): \
             evaluating it would exhaust the stack"
        ),
    })
}

#[derive(Default)]
struct Graph {
    /// Rule or function path -> the rule and function paths it refers to.
    refers: BTreeMap<String, BTreeSet<String>>,
    /// Rule or function path -> (file, line) of its first definition.
    defined_at: BTreeMap<String, (String, usize)>,
}

/// The name a rule's head defines: the `refr` of its only variant
/// (`Compr`, `Set`, `Func`...).
fn head_name(head: &Value) -> Option<Vec<String>> {
    head.as_object()?
        .values()
        .find_map(|v| v.get("refr"))
        .and_then(ref_path)
}

fn reference_graph(modules: &[Value]) -> Graph {
    let mut graph = Graph::default();
    let mut parsed = Vec::new();
    for m in modules {
        let Some((package, imports)) = package_and_imports(m) else {
            continue;
        };
        let file = m["source"]["file"].as_str().unwrap_or("").to_owned();
        for rule in m["ast"]["rules"].as_array().into_iter().flatten() {
            let Some(spec) = rule.get("Spec") else {
                continue;
            };
            let Some(name) = head_name(&spec["head"]) else {
                continue;
            };
            // `a.b.c := ...` defines `a`: references resolve to the first part.
            let Some(first) = name.first() else {
                continue;
            };
            let full = [package.clone(), vec![first.clone()]].concat().join(".");
            let line = spec["span"]["line"].as_u64().unwrap_or(0) as usize;
            graph
                .defined_at
                .entry(full.clone())
                .or_insert((file.clone(), line));
            parsed.push((full, package.clone(), imports.clone(), spec));
        }
    }
    for (full, package, imports, spec) in parsed {
        let mut referred = BTreeSet::new();
        for path in references_in(spec) {
            // The longest prefix that names a rule: `data.lib.r.x` -> `lib.r`.
            for c in resolutions(&path, &package, &imports) {
                if let Some(target) = (1..=c.len())
                    .rev()
                    .map(|n| c[..n].join("."))
                    .find(|p| graph.defined_at.contains_key(p))
                {
                    if target != full {
                        referred.insert(target);
                    }
                    break;
                }
            }
        }
        graph.refers.entry(full).or_default().extend(referred);
    }
    graph
}

/// The path of every reference inside a rule (variables, `a.b`, `a["b"]`,
/// function names), without recursion: a parse tree is as deep as the
/// policy nests.
fn references_in(rule: &Value) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![rule];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if map.contains_key("Var")
                    || map.contains_key("RefDot")
                    || map.contains_key("RefBrack")
                {
                    if let Some(p) = ref_path(v) {
                        out.push(p);
                    }
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// The number of rules in the longest chain of references, and the rule it
/// starts at. Iterative depth-first with memoised depths; a reference back
/// into the chain being followed (a cycle, which regorus refuses for rules
/// and [`super::recursion`] for functions) is not followed again.
fn longest_chain(refers: &BTreeMap<String, BTreeSet<String>>) -> (usize, String) {
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    let mut on_path: BTreeSet<&str> = BTreeSet::new();
    let mut best = (0, String::new());
    for start in refers.keys() {
        if depth.contains_key(start.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(start, children(refers, start))];
        on_path.insert(start);
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            match pending.pop() {
                Some(next) if !depth.contains_key(next) && !on_path.contains(next) => {
                    on_path.insert(next);
                    stack.push((next, children(refers, next)));
                }
                Some(_) => {}
                None => {
                    let d = 1 + refers
                        .get(node)
                        .into_iter()
                        .flatten()
                        .filter_map(|c| depth.get(c.as_str()))
                        .max()
                        .copied()
                        .unwrap_or(0);
                    depth.insert(node, d);
                    on_path.remove(node);
                    stack.pop();
                    if d > best.0 {
                        best = (d, node.to_owned());
                    }
                }
            }
        }
    }
    best
}

fn children<'a>(refers: &'a BTreeMap<String, BTreeSet<String>>, node: &str) -> Vec<&'a str> {
    refers
        .get(node)
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{parsed_modules, PolicySource};
    use super::*;

    fn check(sources: &[&PolicySource]) -> Result<(), PolicyError> {
        parsed_modules(sources).map_or(Ok(()), |m| check_modules(&m))
    }

    fn chain(rules: usize) -> PolicySource {
        let mut text = String::from("package main\n\nimport rego.v1\n\nr0 := 1\n");
        for i in 1..rules {
            text.push_str(&format!("r{i} := r{} + 1\n", i - 1));
        }
        PolicySource {
            label: "chain.rego".into(),
            text,
        }
    }

    fn function_chain(functions: usize) -> PolicySource {
        let mut text = String::from("package main\n\nimport rego.v1\n\nf0(x) := x\n");
        for i in 1..functions {
            text.push_str(&format!("f{i}(x) := data.main.f{}(x)\n", i - 1));
        }
        text.push_str(&format!(
            "deny contains m if {{ m := f{}(1) }}\n",
            functions - 1
        ));
        PolicySource {
            label: "functions.rego".into(),
            text,
        }
    }

    #[test]
    fn a_chain_at_the_limit_passes_and_one_past_it_is_refused() {
        assert!(check(&[&chain(MAX_CHAIN)]).is_ok());
        let e = check(&[&chain(MAX_CHAIN + 1)]).unwrap_err();
        // The chain starts at the last rule, on the last line.
        assert_eq!(e.file, "chain.rego");
        assert_eq!(e.line, Some(5 + MAX_CHAIN));
        assert!(e.message.contains("main.r1000"), "{}", e.message);
        assert!(e.message.contains("chain of 1001 rules"), "{}", e.message);
    }

    #[test]
    fn function_calls_count_as_links() {
        assert!(check(&[&function_chain(MAX_CHAIN - 1)]).is_ok());
        let e = check(&[&function_chain(MAX_CHAIN + 5)]).unwrap_err();
        assert!(e.message.contains("main.deny"), "{}", e.message);
    }

    #[test]
    fn wide_policies_are_not_long_ones() {
        // 3,000 rules that each refer to one base rule: a chain of two.
        let mut text = String::from("package main\n\nbase := 1\n");
        for i in 0..3_000 {
            text.push_str(&format!("r{i} := base + {i}\n"));
        }
        let wide = PolicySource {
            label: "wide.rego".into(),
            text,
        };
        assert!(check(&[&wide]).is_ok());
    }
}
