//! How the process's allocator hands memory back to the system.
//!
//! The global allocator is regorus's copy of mimalloc (its
//! `allocator-memory-limits` feature installs it, to count what policies
//! allocate). Two of its defaults suit a long-lived server, not a scan whose
//! phases each free most of what the one before built (policies parsed,
//! files discovered, documents evaluated and dropped):
//!
//! - it asks the kernel for transparent huge pages on every region it
//!   reserves (`MADV_HUGEPAGE`), so touching one byte makes 2 MiB resident;
//! - it keeps freed pages for 10 ms (and arenas 100 ms) before returning
//!   them, so a phase's garbage is still resident when the next phase peaks.
//!
//! Measured on the 30,001-file benchmark corpus: 145 MB peak with the
//! defaults, 103 MB with both changed, the same time. The first is turned
//! off for the process with `prctl(PR_SET_THP_DISABLE)` (the kernel's own
//! per-process switch, which also covers regions reserved before `main`);
//! the second with mimalloc's `mi_option_set`, part of its stable C API,
//! which regorus's binding crate links but does not declare.
//!
//! `MIMALLOC_PURGE_DELAY` in the environment still wins: mimalloc reads it
//! when the process starts, and it is only overridden here when unset.

/// Make freed memory go back to the system promptly. Call once, first
/// thing in `main`, before threads start.
pub fn return_freed_memory() {
    disable_transparent_huge_pages();
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        set_purge_delay_ms(0);
    }
}

#[cfg(target_os = "linux")]
fn disable_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes
    // nothing but this process's huge-page policy; a kernel that does not
    // know it returns an error, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn disable_transparent_huge_pages() {}

/// mimalloc's option number for the purge delay (`mi_option_purge_delay`
/// in `mimalloc.h`; its place in the enumeration has not changed since the
/// option was named `reset_delay`).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

fn set_purge_delay_ms(ms: std::ffi::c_long) {
    // SAFETY: both functions take and return plain integers; mimalloc
    // ignores an option number it does not know.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, ms) }
}

/// The purge delay in effect, in milliseconds.
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: as above.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Option 15 is the purge delay: unset, it holds mimalloc's documented
    /// default (10 ms), and setting it reads back. A renumbered enumeration
    /// in a new mimalloc would fail here, not silently set something else.
    #[test]
    fn option_fifteen_is_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        assert_eq!(purge_delay_ms(), 10);
        set_purge_delay_ms(0);
        assert_eq!(purge_delay_ms(), 0);
        set_purge_delay_ms(10);
    }
}
