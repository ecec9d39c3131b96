//! Reading a found file's text: regular files without ever blocking, pipes
//! and standard input as streams, all under the size limit counted while
//! reading.

use super::{decode_text, FoundFile, InputError, Origin};
use std::io::Read;

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
        Origin::File(path) => {
            let f = open_without_blocking(path).map_err(cannot)?;
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
        Some(bytes) => decode_text(&file.rel, &bytes),
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
