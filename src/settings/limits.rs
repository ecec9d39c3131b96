//! The defaults and bounds of the limits a scan runs under, where they are
//! read from the machine rather than from a flag.

/// Seconds one control may take on one document, unless set.
pub const DEFAULT_TIMEOUT_SECS: f64 = 10.0;

/// The longest time limit accepted: a day. Anything longer is a typo, and
/// a duration beyond what the clock can hold would overflow.
pub(super) const MAX_TIMEOUT_SECS: f64 = 86_400.0;

/// The memory limit when none is set: three quarters of the machine's
/// memory or of its container's limit (cgroup v2 `memory.max`), half of its
/// address-space limit (`ulimit -v`), whichever is least; 4 GiB when none
/// can be read.
pub fn default_max_memory() -> u64 {
    const FALLBACK: u64 = 4 << 30;
    let total = std::fs::read_to_string("/proc/meminfo").ok().and_then(|m| {
        let line = m.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib.saturating_mul(1024))
    });
    let cgroup = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    // An address-space limit counts what is reserved, not only what is
    // used (thread stacks, the allocator's reserved segments, the binary):
    // under `ulimit -v 2G` three quarters left too little of it, and an
    // allocation failed (abort) before the counted limit was reached.
    let address_space = address_space_limit().map(|bytes| bytes / 2);
    [
        total.map(|b| b / 4 * 3),
        cgroup.map(|b| b / 4 * 3),
        address_space,
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(FALLBACK)
}

#[cfg(unix)]
fn address_space_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn address_space_limit() -> Option<u64> {
    None
}

/// The smallest memory limit accepted: below it the built-in library and a
/// small repository do not fit.
pub(super) const MIN_MEMORY_BYTES: u64 = 64 << 20;
