//! Reports: pure functions of a [`ScanResult`](crate::results::ScanResult),
//! and the atomic file writer every report file goes through.

pub mod catalog;
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;
pub mod verify;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary report files being written, removed by [`remove_partial_reports`]
/// when the run is interrupted (destructors do not run on a signal).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Write `contents` to `path` whole or not at all: a temporary file in the
/// same folder, then a rename, so a CI step never reads half a report.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".assure-report-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let tmp_path = tmp.path().to_path_buf();
    if let Ok(mut p) = PENDING.lock() {
        p.push(tmp_path.clone());
    }
    let result = (|| {
        tmp.write_all(contents)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    if let Ok(mut p) = PENDING.lock() {
        p.retain(|x| x != &tmp_path);
    }
    result
}

/// Remove report files still being written: called on Ctrl-C, so an
/// interrupted run leaves no partial report behind.
pub fn remove_partial_reports() {
    if let Ok(p) = PENDING.lock() {
        for path in p.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/report.xml");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }
}
