//! Rego that OPA accepts and regorus 0.14.1 does not, each reduced to a
//! minimal policy in tests/regorus-gaps/ with the words regorus answers in a
//! `# regorus-says:` line. The test records today's behaviour: assure
//! reports the policy's file, line and regorus's reason and exits 1 (in
//! conftest mode) without rewriting the policy. When a regorus release
//! accepts one, this fails: move the case out and drop it from the README's
//! list of differences.

mod common;

use common::{code, repo, stderr};
use std::process::Command;

#[test]
fn each_known_gap_is_reported_with_its_file_line_and_reason() {
    let dir = repo().join("tests/regorus-gaps");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rego") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let says = text
            .lines()
            .find_map(|l| l.strip_prefix("# regorus-says: "))
            .unwrap_or_else(|| panic!("{}: no `# regorus-says:` line", path.display()))
            .to_owned();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let out = Command::new(env!("CARGO_BIN_EXE_assure"))
            .current_dir(&dir)
            .args(["conftest", "test", "-p", &name, "input.json"])
            .output()
            .unwrap();
        assert_eq!(code(&out), 1, "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(&says), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("{name}:")),
            "{name}: {}",
            stderr(&out)
        );
        cases += 1;
    }
    assert!(cases >= 1);
}
