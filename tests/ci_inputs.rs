//! CI on GitHub runs `.ci/run` in a checkout with no `../shared` beside it:
//! the workflow must fetch every file of `../shared` that `.ci/run` (or a
//! test it runs and requires in CI) opens, or CI there fails on a missing
//! file that the workplace's CI has.

mod common;

use common::repo;
use std::collections::BTreeSet;

/// Every `../shared/...` file path written in a text.
fn shared_paths(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("../shared/") {
        rest = &rest[i + "../".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "._-/".contains(c)))
            .unwrap_or(rest.len());
        let path = rest[..end].trim_end_matches('.');
        // A file (`name.ext`), not a folder named in prose.
        if path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.contains('.'))
        {
            out.insert(path.to_owned());
        }
    }
    out
}

/// The files a workflow writes with `curl -o PATH`.
fn fetched(workflow: &str) -> BTreeSet<String> {
    workflow
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] == "-o" || w[0] == "--output")
        .map(|w| w[1].to_owned())
        .collect()
}

#[test]
fn the_workflow_fetches_every_shared_file_ci_reads() {
    let read = |rel: &str| std::fs::read_to_string(repo().join(rel)).expect(rel);
    // .ci/run itself, and the helper every test validating a report uses.
    let mut needed = shared_paths(&read(".ci/run"));
    needed.extend(shared_paths(&read("tests/common/mod.rs")));
    assert!(
        needed.contains("shared/reference/junit-10.xsd")
            && needed.contains("shared/reference/sarif-schema-2.1.0.json"),
        "{needed:?}"
    );
    let got = fetched(&read(".github/workflows/ci.yml"));
    let missing: Vec<&String> = needed.difference(&got).collect();
    assert!(
        missing.is_empty(),
        "not fetched by the workflow: {missing:?}"
    );
}

#[test]
fn the_check_sees_a_missing_file() {
    let needed = shared_paths(
        "# see ../shared/reference.\nxsd=../shared/reference/a.xsd\npython3 x ../shared/reference/b.json \"$f\"",
    );
    assert_eq!(
        needed,
        BTreeSet::from([
            "shared/reference/a.xsd".into(),
            "shared/reference/b.json".into()
        ])
    );
    let got = fetched("curl -fsSL -o shared/reference/a.xsd \\\n  https://x/a.xsd\n");
    assert_eq!(
        needed.difference(&got).collect::<Vec<_>>(),
        [&"shared/reference/b.json".to_owned()]
    );
}
