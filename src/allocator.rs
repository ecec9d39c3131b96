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
//! While a large input is evaluated the delay goes back to mimalloc's
//! default (see [`LargeInput`]).
//!
//! `MIMALLOC_PURGE_DELAY` in the environment still wins: mimalloc reads it
//! when the process starts, and it is only overridden here when unset.

/// Make freed memory go back to the system promptly. Call once, first
/// thing in `main`, before threads start.
pub fn return_freed_memory() {
    disable_transparent_huge_pages();
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        let mut large = LARGE_IN_FLIGHT
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        large.immediate = true;
        set_purge_delay_ms(0);
    }
}

/// mimalloc's own purge delay, in milliseconds.
const DEFAULT_PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Inputs at least this large are evaluated with mimalloc's default delay.
pub const LARGE_INPUT_BYTES: usize = 1 << 20;

/// Whether purging is immediate by our choice, and how many large inputs
/// are in flight.
struct LargeInFlight {
    immediate: bool,
    count: usize,
}

static LARGE_IN_FLIGHT: Mutex<LargeInFlight> = Mutex::new(LargeInFlight {
    immediate: false,
    count: 0,
});

/// Held while a large input's documents are alive: purging goes back to
/// mimalloc's default delay until the last such guard is dropped.
///
/// Why: a megabyte of YAML builds and drops tens of megabytes of values
/// while it is evaluated, and with immediate purging every page of them was
/// handed back and faulted in again (100 files of 1.7 MB: 0.08 -> 1.4 s of
/// system time, 1.33 -> 2.13 s end to end). Many small files do not churn
/// that way, and there immediate purging is what keeps the peak flat.
#[derive(Debug)]
pub struct LargeInput(());

/// Mark a large input as in flight (see [`LargeInput`]).
pub fn large_input() -> LargeInput {
    let mut large = LARGE_IN_FLIGHT
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    large.count += 1;
    if large.immediate && large.count == 1 {
        set_purge_delay_ms(DEFAULT_PURGE_DELAY_MS);
    }
    LargeInput(())
}

impl Drop for LargeInput {
    fn drop(&mut self) {
        let mut large = LARGE_IN_FLIGHT
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        large.count = large.count.saturating_sub(1);
        if large.immediate && large.count == 0 {
            set_purge_delay_ms(0);
        }
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

use std::sync::{Mutex, PoisonError};

/// The purge delay in effect, in milliseconds.
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: as above.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test, not two: both read and set the process's allocator
    /// options, and tests run in parallel.
    ///
    /// Option 15 is the purge delay: unset, it holds mimalloc's documented
    /// default, and setting it reads back (a renumbered enumeration in a new
    /// mimalloc fails here, not silently sets something else). With
    /// immediate purging chosen, large inputs in flight restore the default
    /// until the last one is done.
    #[test]
    fn the_purge_delay_is_immediate_except_while_large_inputs_are_in_flight() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        assert_eq!(purge_delay_ms(), DEFAULT_PURGE_DELAY_MS);
        return_freed_memory();
        assert_eq!(purge_delay_ms(), 0);
        let first = large_input();
        let second = large_input();
        assert_eq!(purge_delay_ms(), DEFAULT_PURGE_DELAY_MS);
        drop(first);
        assert_eq!(purge_delay_ms(), DEFAULT_PURGE_DELAY_MS);
        drop(second);
        assert_eq!(purge_delay_ms(), 0);
        let mut large = LARGE_IN_FLIGHT
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        large.immediate = false;
        set_purge_delay_ms(DEFAULT_PURGE_DELAY_MS);
    }
}
