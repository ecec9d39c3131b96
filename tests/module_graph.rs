//! Dependencies between the modules of `src/` run one way: no module reaches
//! a module that reaches it back, directly or through others.
//!
//! Every `crate::` path in a file counts (in `use` lines, inline such as
//! `crate::config::DEFAULT_NAMES`, and in doc links, which a reader follows
//! too), resolved to the deepest module that exists. The check holds for
//! files (`inputs::waivers`) and for the top-level modules they belong to
//! (`inputs`), so two files of different top-level modules cannot make a
//! circle through their parents either.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path of a file under `src/`: `a/b.rs` -> `a::b`, `a/mod.rs` -> `a`;
/// `None` for the crate roots.
fn module_of(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".rs")?;
    if stem == "lib" || stem == "main" {
        return None;
    }
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    Some(stem.replace('/', "::"))
}

/// Every `crate::a::b::...` path in a text, as its segments.
fn crate_paths(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        // `my_crate::x` is not this crate.
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut segments = Vec::new();
        let mut tail = rest;
        loop {
            let end = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            if end == 0 {
                break;
            }
            segments.push(&tail[..end]);
            match tail[end..].strip_prefix("::") {
                Some(t) => tail = t,
                None => break,
            }
        }
        if !segments.is_empty() {
            out.push(segments);
        }
    }
    out
}

/// The module graph of a set of files (path under `src/`, text): for each
/// module, the modules it refers to.
fn graph(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.iter().filter_map(|(p, _)| module_of(p)).collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(from) = module_of(path) else {
            continue;
        };
        let edges = g.entry(from.clone()).or_default();
        for segments in crate_paths(text) {
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| modules.contains(m));
            if let Some(to) = target {
                if to != from {
                    edges.insert(to);
                }
            }
        }
    }
    g
}

/// The same graph with each module replaced by its top-level module.
fn top_level(g: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let top = |m: &str| m.split("::").next().unwrap_or(m).to_owned();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in g {
        let f = top(from);
        let entry = out.entry(f.clone()).or_default();
        entry.extend(tos.iter().map(|t| top(t)).filter(|t| *t != f));
    }
    out
}

/// One circle per group of modules that reach each other, as the path
/// `a -> b -> ... -> a`; empty when dependencies run one way.
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(m) = stack.pop() {
            for n in g.get(&m).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    stack.push(n.clone());
                }
            }
        }
        seen
    };
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for m in g.keys() {
        if reported.contains(m) || !reach(m).contains(m) {
            continue;
        }
        // Breadth first from m until an edge leads back to it: a shortest circle.
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([m.clone()]);
        let mut last = None;
        'search: while let Some(x) = queue.pop_front() {
            for n in g.get(&x).into_iter().flatten() {
                if n == m {
                    last = Some(x.clone());
                    break 'search;
                }
                if !prev.contains_key(n) {
                    prev.insert(n.clone(), x.clone());
                    queue.push_back(n.clone());
                }
            }
        }
        let mut back = Vec::new();
        let mut at = last;
        while let Some(p) = at {
            if p == *m {
                break;
            }
            at = prev.get(&p).cloned();
            back.push(p);
        }
        back.reverse();
        let circle: Vec<String> = std::iter::once(m.clone())
            .chain(back)
            .chain(std::iter::once(m.clone()))
            .collect();
        reported.extend(circle.iter().cloned());
        out.push(circle.join(" -> "));
    }
    out
}

fn src_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).expect("read src") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, root, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p
                    .strip_prefix(root)
                    .expect("under src")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).expect("read file")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

#[test]
fn src_modules_depend_one_way() {
    let files = src_files();
    let g = graph(&files);
    assert!(g.len() > 20, "the walk found only {} modules", g.len());
    let file_cycles = cycles(&g);
    assert!(file_cycles.is_empty(), "module cycles: {file_cycles:#?}");
    let top_cycles = cycles(&top_level(&g));
    assert!(
        top_cycles.is_empty(),
        "top-level module cycles: {top_cycles:#?}"
    );
}

/// Lines a file of `src/` may have before it is doing more than one job;
/// the command layer, which only runs stages, stays smaller still.
const MAX_LINES: usize = 600;
const MAX_COMMAND_LINES: usize = 400;

/// Files that are allowed past it because they are one job that does not
/// split (a generated table, a parser): none today.
const LONG_ON_PURPOSE: &[&str] = &[];

/// The size limits of the files under `src/`, as a list of what exceeds them.
fn too_long(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(rel, _)| !LONG_ON_PURPOSE.contains(&rel.as_str()))
        .filter_map(|(rel, text)| {
            let limit = if rel.starts_with("app/") || rel == "app.rs" {
                MAX_COMMAND_LINES
            } else {
                MAX_LINES
            };
            let lines = text.lines().count();
            (lines > limit).then(|| format!("src/{rel}: {lines} lines (at most {limit})"))
        })
        .collect()
}

#[test]
fn src_files_stay_small() {
    let files = src_files();
    let long = too_long(&files);
    assert!(long.is_empty(), "split these by job: {long:#?}");
    // The check itself notices a file past each limit.
    let seeded = files_of_length(&[("report/big.rs", 601), ("app/mod.rs", 401), ("ok.rs", 600)]);
    assert_eq!(
        too_long(&seeded),
        vec![
            "src/report/big.rs: 601 lines (at most 600)".to_owned(),
            "src/app/mod.rs: 401 lines (at most 400)".to_owned(),
        ]
    );
}

fn files_of_length(list: &[(&str, usize)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(rel, n)| ((*rel).to_owned(), "x\n".repeat(*n)))
        .collect()
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

#[test]
fn a_seeded_cycle_is_caught_however_it_is_written() {
    // a -> b by `use`, b -> c inline, c -> a by a doc link: a circle of three.
    let seeded = files(&[
        ("a.rs", "use crate::b::Thing;\n"),
        (
            "b/mod.rs",
            "pub mod inner;\nfn f() { crate::c::run(crate::b::inner::X) }\n",
        ),
        ("b/inner.rs", "pub const X: u8 = 1;\n"),
        (
            "c.rs",
            "/// Called by [`crate::a::Thing`].\npub fn run() {}\n",
        ),
        ("lib.rs", "pub mod a; pub mod b; pub mod c;\n"),
    ]);
    let found = cycles(&graph(&seeded));
    assert_eq!(found, ["a -> b -> c -> a"], "{found:?}");

    // Two files of different top-level modules make a circle through their
    // parents: caught at the top level even though no file cycle exists.
    let through_parents = files(&[
        ("x/one.rs", "use crate::y::two::T;\n"),
        ("y/two.rs", "pub struct T;\nuse crate::x::other::U;\n"),
        ("x/other.rs", "pub struct U;\n"),
        ("x/mod.rs", ""),
        ("y/mod.rs", ""),
    ]);
    let g = graph(&through_parents);
    assert!(cycles(&g).is_empty());
    assert_eq!(cycles(&top_level(&g)), ["x -> y -> x"]);

    // One way, and paths of other crates: nothing to report.
    let clean = files(&[
        ("a.rs", "use crate::b::X; use other_crate::a::Y;\n"),
        ("b.rs", "pub struct X;\n"),
    ]);
    assert!(cycles(&graph(&clean)).is_empty());
}
