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
    // A symbolic link is followed: the file it names is replaced, the link
    // stays. A pipe or a device (`/dev/stdout`, a FIFO a reader waits on)
    // is written to as it is: replacing it by a regular file would take it
    // away from whoever reads it (and, as root, replace a device node).
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::canonicalize(path).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("a symbolic link to nothing that exists ({e})"),
            )
        })?;
        return write_atomically_with(&target, write);
    }
    if let Ok(m) = std::fs::metadata(path) {
        if m.is_dir() {
            return Err(std::io::Error::other("a folder, not a file"));
        }
        if !m.is_file() {
            return write_to_stream(path, write);
        }
    }
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

/// Write a report to a pipe or device as it is made. A FIFO no one reads
/// is an error, not a wait: it is opened without blocking, then written
/// to blocking.
fn write_to_stream(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc::ENXIO) {
            std::io::Error::new(e.kind(), "a pipe nothing reads from")
        } else {
            e
        }
    })?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns; only the
        // O_NONBLOCK bit of its status flags changes.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    let mut buffered = std::io::BufWriter::new(file);
    write(&mut buffered)?;
    buffered.flush()
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

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_pipes_written_to_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        // A link: the file it names gets the report, the link stays a link.
        let target = dir.path().join("real.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // A FIFO nothing reads: an error at once, and it is still a FIFO.
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo on a path this test owns.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(write_atomically(&fifo, b"x").is_err());
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        // With a reader, the reader gets the report.
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || std::fs::read_to_string(reader_path).unwrap());
        let mut written = Err(std::io::Error::other("not tried"));
        for _ in 0..200 {
            written = write_atomically(&fifo, b"report");
            if written.is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        written.unwrap();
        assert_eq!(reader.join().unwrap(), "report");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        // A folder is not a report file.
        assert!(write_atomically(dir.path(), b"x").is_err());
    }

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
