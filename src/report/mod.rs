//! Reports: pure functions of a [`ScanResult`](crate::results::ScanResult),
//! and the atomic file writer every report file goes through.

pub mod catalog;
pub mod github;
pub mod json;
pub mod junit;
pub mod ledger;
pub mod markdown;
pub mod period;
pub mod period_html;
pub mod sarif;
pub mod sink;
pub mod sorter;
pub mod text;
pub mod verify;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary report files being written, removed by [`remove_partial_reports`]
/// when the run is interrupted (destructors do not run on a signal).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Write `contents` to `path` whole or not at all: a temporary file in the
/// same folder, then a rename, so a CI step never reads half a report. The
/// report keeps the permissions of the file it replaces; a new one gets
/// the usual 0644 (less what the umask takes), not a temporary file's 0600.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |w| w.write_all(contents))
}

/// [`write_atomically`] for a report written as it is made (`write` gets a
/// buffered writer on the temporary file), so a large report is never held
/// whole in memory.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".assure-report-").suffix(".tmp");
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with this mode, the umask applies as to any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    let tmp_path = tmp.path().to_path_buf();
    if let Ok(mut p) = PENDING.lock() {
        p.push(tmp_path.clone());
    }
    let result = (|| {
        {
            let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
            write(&mut buffered)?;
            buffered.flush()?;
        }
        tmp.as_file().sync_all()?;
        if let Some(perms) = existing {
            tmp.as_file().set_permissions(perms)?;
        }
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    if let Ok(mut p) = PENDING.lock() {
        p.retain(|x| x != &tmp_path);
    }
    result
}

/// Remove report files still being written: called on Ctrl-C and SIGTERM,
/// so an interrupted run leaves no partial report behind.
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

    #[cfg(unix)]
    #[test]
    fn reports_keep_the_mode_they_replace_and_new_ones_are_0644() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let fresh = dir.path().join("new.xml");
        write_atomically(&fresh, b"x").unwrap();
        // The test process's umask is usually 022; whatever it is, only it
        // takes bits away from 0666.
        let umask = 0o666 & !mode(&fresh);
        assert_eq!(mode(&fresh), 0o666 & !umask);
        assert_ne!(mode(&fresh), 0o600, "a temporary file's mode leaked");
        let shared = dir.path().join("shared.xml");
        std::fs::write(&shared, b"old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomically(&shared, b"new").unwrap();
        assert_eq!(mode(&shared), 0o664);
    }
}
