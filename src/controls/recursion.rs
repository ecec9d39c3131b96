//! Recursive functions, refused at load as OPA refuses them.
//!
//! Rego forbids recursion. regorus detects a rule that depends on itself
//! while evaluating, but a function that calls itself (directly or through
//! others) recurses until the thread's stack overflows, which aborts the
//! whole process and loses every result. So the functions of the user's
//! policies are checked before anything runs: the call graph is read from
//! regorus's parse tree, and a cycle in it is an error (exit 2) naming the
//! file and line of a function in the cycle and the path around it. The
//! built-in library is not checked: it is the project's, and tested.

use super::PolicyError;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Check the functions of parsed modules (regorus's AST as JSON).
pub(super) fn check_modules(modules: &[Value]) -> Result<(), PolicyError> {
    let graph = call_graph(modules);
    match find_cycle(&graph.calls) {
        Some(cycle) => {
            let (file, line) = graph.defined_at.get(&cycle[0]).cloned().unwrap_or_default();
            Err(PolicyError {
                file,
                line: Some(line),
                message: format!(
                    "function `{}` is recursive ({}): Rego does not allow recursion, and evaluating it would never end",
                    cycle[0],
                    cycle.join(" -> ")
                ),
            })
        }
        None => Ok(()),
    }
}

#[derive(Default)]
struct Graph {
    /// Function path -> function paths its bodies call.
    calls: BTreeMap<String, BTreeSet<String>>,
    /// Function path -> (file, line) of its first definition.
    defined_at: BTreeMap<String, (String, usize)>,
}

/// The path a reference expression names (`a.b["c"]` -> `a`, `b`, `c`).
pub(super) fn ref_path(expr: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut at = expr;
    loop {
        if let Some(v) = at.get("Var") {
            out.push(v.get("value")?.as_str()?.to_owned());
            break;
        } else if let Some(d) = at.get("RefDot") {
            out.push(d.get("field")?.get(1)?.as_str()?.to_owned());
            at = d.get("refr")?;
        } else if let Some(b) = at.get("RefBrack") {
            out.push(
                b.get("index")?
                    .get("String")?
                    .get("value")?
                    .as_str()?
                    .to_owned(),
            );
            at = b.get("refr")?;
        } else {
            return None;
        }
    }
    out.reverse();
    Some(out)
}

/// Text of a span in a module's source.
fn span_text(contents: &str, span: &Value) -> Option<String> {
    let start = usize::try_from(span.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(span.get("end")?.as_u64()?).ok()?;
    contents.get(start..end).map(str::to_owned)
}

/// A module's imports by the name they are used under (`import data.lib as
/// l` -> `l`: `data`, `lib`).
pub(super) type Imports = BTreeMap<String, Vec<String>>;

/// The full paths a reference written in `package` may name, in the order
/// Rego resolves them: `data.a.b` is `a.b`; `x.y` is `<package>.x.y`, or,
/// when `x` is an import, the imported path followed by `y`.
pub(super) fn resolutions(
    path: &[String],
    package: &[String],
    imports: &Imports,
) -> Vec<Vec<String>> {
    match path.first().map(String::as_str) {
        Some("data") => vec![path[1..].to_vec()],
        Some(first) => {
            let mut c = vec![[package, path].concat()];
            if let Some(import) = imports.get(first) {
                let base = import
                    .strip_prefix(&["data".to_owned()][..])
                    .unwrap_or(import);
                c.push([base, &path[1..]].concat());
            }
            c
        }
        None => vec![],
    }
}

/// A module's package path and its imports.
pub(super) fn package_and_imports(module: &Value) -> Option<(Vec<String>, Imports)> {
    let ast = &module["ast"];
    let package = ref_path(&ast["package"]["refr"])?;
    let contents = module["source"]["contents"].as_str().unwrap_or("");
    let mut imports = Imports::new();
    for i in ast["imports"].as_array().into_iter().flatten() {
        let Some(path) = ref_path(&i["refr"]) else {
            continue;
        };
        let alias = match i.get("as").filter(|a| !a.is_null()) {
            Some(span) => span_text(contents, span),
            None => path.last().cloned(),
        };
        if let Some(alias) = alias {
            imports.insert(alias, path);
        }
    }
    Some((package, imports))
}

fn call_graph(modules: &[Value]) -> Graph {
    let mut graph = Graph::default();
    // Every function's full path first, so calls resolve against all of them.
    let mut parsed = Vec::new();
    for m in modules {
        let ast = &m["ast"];
        let Some((package, imports)) = package_and_imports(m) else {
            continue;
        };
        let file = m["source"]["file"].as_str().unwrap_or("").to_owned();
        for rule in ast["rules"].as_array().into_iter().flatten() {
            let Some(spec) = rule.get("Spec") else {
                continue;
            };
            let Some(func) = spec["head"].get("Func") else {
                continue;
            };
            let Some(name) = ref_path(&func["refr"]) else {
                continue;
            };
            let full = [package.clone(), name].concat().join(".");
            let line = spec["span"]["line"].as_u64().unwrap_or(0) as usize;
            graph
                .defined_at
                .entry(full.clone())
                .or_insert((file.clone(), line));
            parsed.push((full, package.clone(), imports.clone(), spec));
        }
    }
    for (full, package, imports, spec) in parsed {
        let mut called = BTreeSet::new();
        for fcn in calls_in(spec) {
            let Some(path) = ref_path(fcn) else {
                continue;
            };
            if let Some(target) = resolutions(&path, &package, &imports)
                .into_iter()
                .map(|c| c.join("."))
                .find(|c| graph.defined_at.contains_key(c))
            {
                called.insert(target);
            }
        }
        graph.calls.entry(full).or_default().extend(called);
    }
    graph
}

/// The `fcn` of every call inside a rule, without recursion (a parse tree
/// can be as deep as the policy nests).
fn calls_in(rule: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![rule];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(fcn) = map.get("Call").and_then(|c| c.get("fcn")) {
                    out.push(fcn);
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// A cycle in the call graph, as the path from a function back to itself.
fn find_cycle(calls: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first, iterative, with colours: 1 on the path, 2 done.
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    for start in calls.keys() {
        if colour.contains_key(start.as_str()) {
            continue;
        }
        let mut path: Vec<&str> = vec![start];
        let mut iters = vec![calls[start].iter()];
        colour.insert(start, 1);
        while let Some(it) = iters.last_mut() {
            match it.next() {
                Some(next) => match colour.get(next.as_str()) {
                    Some(1) => {
                        let from = path.iter().position(|p| *p == next)?;
                        let mut cycle: Vec<String> =
                            path[from..].iter().map(|s| (*s).to_owned()).collect();
                        cycle.push(next.clone());
                        return Some(cycle);
                    }
                    Some(_) => {}
                    None => {
                        colour.insert(next, 1);
                        path.push(next);
                        iters.push(calls.get(next).map_or_else(|| EMPTY.iter(), |s| s.iter()));
                    }
                },
                None => {
                    if let Some(done) = path.pop() {
                        colour.insert(done, 2);
                    }
                    iters.pop();
                }
            }
        }
    }
    None
}

static EMPTY: BTreeSet<String> = BTreeSet::new();

#[cfg(test)]
mod tests {
    use super::super::{parsed_modules, PolicySource};
    use super::*;

    fn check(sources: &[&PolicySource]) -> Result<(), PolicyError> {
        parsed_modules(sources).map_or(Ok(()), |m| check_modules(&m))
    }

    fn src(label: &str, text: &str) -> PolicySource {
        PolicySource {
            label: label.into(),
            text: text.into(),
        }
    }

    fn verdict(sources: &[PolicySource]) -> Result<(), PolicyError> {
        check(&sources.iter().collect::<Vec<_>>())
    }

    #[test]
    fn direct_and_indirect_recursion_across_packages_is_refused() {
        let direct = [src(
            "a.rego",
            "package a\n\nf(x) := y if {\n  y := f(x + 1)\n}\n",
        )];
        let e = verdict(&direct).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("a.rego", Some(3)));
        assert!(e.message.contains("a.f -> a.f"), "{}", e.message);

        let indirect = [
            src(
                "a.rego",
                "package main\nimport data.lib as l\n\nf(x) := g(x)\n\ng(x) := l.h(x)\n",
            ),
            src("b.rego", "package lib\n\nh(x) := data.main.f(x)\n"),
        ];
        let e = verdict(&indirect).unwrap_err();
        assert!(e.message.contains("recursive"), "{}", e.message);
        assert!(e.message.matches("->").count() == 3, "{}", e.message);
    }

    #[test]
    fn calls_that_do_not_loop_pass() {
        let fine = [
            src("a.rego", "package main\nimport data.lib\n\nf(x) := lib.h(x) + count([1])\n\ng(x) := f(x)\n\ndeny contains m if { m := g(1) }\n"),
            src("b.rego", "package lib\n\nh(x) := x + 1\n"),
        ];
        assert!(verdict(&fine).is_ok());
    }
}
