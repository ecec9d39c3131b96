//! Reading a found file's text: regular files without ever blocking, pipes
//! and standard input as streams, all under the size limit counted while
//! reading.

use super::{decode_text, FoundFile, InputError, Origin};
use std::io::Read;
use std::sync::{Mutex, PoisonError};

/// A file as assure read it: its path in reports and the SHA-256 of its
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileDigest {
    pub path: String,
    pub sha256: String,
}

/// The digest of every file read, kept only while a run is recorded in the
/// evidence ledger (see [`record_reads`]): the record's subjects are then
/// the very bytes that were judged, hashed as they were read rather than
/// read again later. One scan runs per process, so one log serves it.
static READ_LOG: Mutex<Option<Vec<FileDigest>>> = Mutex::new(None);

/// Keep the digest of every file read from now on.
pub fn record_reads() {
    *READ_LOG.lock().unwrap_or_else(PoisonError::into_inner) = Some(Vec::new());
}

/// The files read since [`record_reads`], sorted, each (path, digest) once:
/// a file read twice with different bytes (changed during the scan) is
/// listed with both digests.
pub fn take_reads() -> Vec<FileDigest> {
    let mut reads = READ_LOG
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
        .unwrap_or_default();
    reads.sort();
    reads.dedup();
    reads
}

fn note_read(path: &str, bytes: &[u8]) {
    let mut log = READ_LOG.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(log) = log.as_mut() {
        log.push(FileDigest {
            path: path.to_owned(),
            sha256: crate::digest::sha256_hex(bytes),
        });
    }
}

/// Limits on what one input may cost. Each exceeded limit is an error for
/// that input, never a silent skip.
#[derive(Debug, Clone, Copy)]
pub struct InputLimits {
    pub max_file_bytes: u64,
    /// Deepest nesting of objects and arrays a document may have.
    pub max_depth: usize,
}

/// Config files are small; a 10 MiB one is almost surely generated or hostile.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Real configuration rarely nests 20 levels; 100 leaves room and keeps
/// every later recursive walk (regorus values, reports) shallow.
pub const DEFAULT_MAX_DEPTH: usize = 100;

impl Default for InputLimits {
    fn default() -> Self {
        InputLimits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// Read a file's text, never more than the size limit: the limit holds
/// while reading (a file that grows, a pipe, a device), not only from what
/// its metadata said.
pub fn read_text(file: &FoundFile, limits: InputLimits) -> Result<String, InputError> {
    let cannot = |e: std::io::Error| InputError::new(&file.rel, format!("cannot read: {e}"));
    let max = limits.max_file_bytes;
    let bytes = match &file.origin {
        Origin::Stdin => read_limited(std::io::stdin().lock(), max),
        Origin::Stream(path) => read_limited(std::fs::File::open(path).map_err(cannot)?, max),
        Origin::File(_) | Origin::Walked(_) => {
            let path = file.path().unwrap_or_default();
            let f = open_without_blocking(&path).map_err(cannot)?;
            // Checked on the open file: a FIFO swapped in after the walk is
            // refused here, not read.
            if !f.metadata().map_err(cannot)?.is_file() {
                return Err(InputError::new(
                    &file.rel,
                    "not a regular file (a FIFO, socket or device): not read",
                ));
            }
            read_limited(f, max)
        }
    }
    .map_err(cannot)?;
    match bytes {
        Some(bytes) => {
            note_read(&file.rel, &bytes);
            decode_text(&file.rel, &bytes)
        }
        None => Err(InputError::new(
            &file.rel,
            format!("file is over the limit of {max} bytes (--max-file-size)"),
        )),
    }
}

/// At most `max` bytes of a reader; `None` when it holds more.
fn read_limited(reader: impl Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Open for reading without waiting for a writer: a FIFO opens at once
/// (and is then refused), where a plain open would block forever.
#[cfg(unix)]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}
