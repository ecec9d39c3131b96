//! Collecting a scan's targets as they complete, spilling them to a
//! temporary file once more than a bounded number are held.
//!
//! Workers hand in each batch's targets. While fewer than the threshold are
//! held nothing touches the disk (a small scan never does). Past it, every
//! control's held targets are sorted and appended to one temporary file as
//! a *run*. At the end ([`Collector::settle`]) each control's runs are
//! merged in order, the gate's per-target step (waivers, baseline) is
//! applied, and the result is written once more as that control's single
//! sorted section, which reports read from (see [`super::targets`]).
//! Memory then holds the threshold's worth of targets, one per run while
//! merging, and the counts.
//!
//! Order is the one a whole-memory sort gives: by target name, ties in the
//! order the units were discovered (each target carries a sequence number
//! from its batch's position), so reports do not depend on which thread
//! finished first.

use super::targets::{Tally, Targets};
use super::{ControlResult, TargetResult};
use crate::controls::Control;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// Targets held in memory before they are spilled, unless
/// `ASSURE_SPILL_AFTER` says otherwise (tests set it low to exercise the
/// file on small trees). Held targets cost about 1.4 KB each (a failing
/// one carries its findings' texts and locations): at 5,000 they were 7 MB
/// of a 30,001-file scan's 68 MB peak; at 1,000 the peak is 61 MB and the
/// time the same (10.2 to 10.6 s either way, every report written). Fewer
/// held means more runs to merge, each read through a buffer no larger
/// than the run (see [`merged`]).
pub const DEFAULT_SPILL_AFTER: usize = 1_000;

/// The threshold in effect.
pub fn spill_after() -> usize {
    std::env::var("ASSURE_SPILL_AFTER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SPILL_AFTER)
}

/// A target with what ordering and the gate need and reports do not show.
#[derive(Serialize)]
struct Record<'a> {
    seq: u64,
    /// Each finding's anchor line (where an inline waiver must stand).
    anchors: Vec<Option<usize>>,
    target: &'a TargetResult,
}

#[derive(Deserialize)]
struct OwnedRecord {
    seq: u64,
    anchors: Vec<Option<usize>>,
    target: TargetResult,
}

/// A settled target: one JSON line.
pub(super) fn decode(line: &str) -> serde_json::Result<TargetResult> {
    serde_json::from_str(line)
}

/// One control's targets as held before settling: (sequence, target).
type Held = Vec<(u64, TargetResult)>;

struct State {
    held: Vec<Held>,
    count: usize,
    /// Each control's runs in the spill file: (offset, length).
    runs: Vec<Vec<(u64, u64)>>,
    file: Option<(BufWriter<File>, u64)>,
    error: Option<io::Error>,
}

/// Where workers hand in targets; see the module documentation.
pub struct Collector {
    threshold: usize,
    state: Mutex<State>,
}

impl Collector {
    pub fn new(controls: usize, threshold: usize) -> Collector {
        Collector {
            threshold: threshold.max(1),
            state: Mutex::new(State {
                held: (0..controls).map(|_| Vec::new()).collect(),
                count: 0,
                runs: (0..controls).map(|_| Vec::new()).collect(),
                file: None,
                error: None,
            }),
        }
    }

    /// Add targets by control index, numbered from `seq` in the order
    /// given.
    pub fn add(&self, seq: u64, targets: Vec<(usize, Vec<TargetResult>)>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut n = seq;
        for (ci, ts) in targets {
            for t in ts {
                if let Some(held) = state.held.get_mut(ci) {
                    held.push((n, t));
                    state.count += 1;
                }
                n += 1;
            }
        }
        if state.count >= self.threshold {
            if let Err(e) = spill(&mut state) {
                state.error.get_or_insert(e);
            }
        }
    }

    /// Every control's targets, sorted, with `gate` applied to each (in
    /// that order), and counted. An error means spilled targets could not
    /// be written or read back.
    pub fn settle(
        self,
        controls: &[Control],
        mut gate: impl FnMut(&Control, &mut TargetResult),
    ) -> io::Result<Vec<ControlResult>> {
        let mut state = self
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = state.error.take() {
            return Err(e);
        }
        if state.file.is_none() {
            // Nothing was spilled: settle in memory.
            return Ok(controls
                .iter()
                .zip(std::mem::take(&mut state.held))
                .map(|(c, mut held)| {
                    held.sort_by(|a, b| (&a.1.name, a.0).cmp(&(&b.1.name, b.0)));
                    let targets: Vec<TargetResult> = held
                        .into_iter()
                        .map(|(_, mut t)| {
                            gate(c, &mut t);
                            t
                        })
                        .collect();
                    ControlResult {
                        control: c.clone(),
                        targets: targets.into(),
                    }
                })
                .collect());
        }
        spill(&mut state)?;
        let Some((writer, _)) = state.file.take() else {
            return Err(io::Error::other("spill file missing"));
        };
        let runs_file = Arc::new(writer.into_inner().map_err(|e| e.into_error())?);
        let settled = Arc::new(tempfile::tempfile()?);
        let mut out = BufWriter::with_capacity(1 << 16, settled.as_ref());
        let mut offset = 0u64;
        let mut results = Vec::with_capacity(controls.len());
        let mut line = Vec::new();
        for (c, runs) in controls.iter().zip(&state.runs) {
            let start = offset;
            let mut tally = Tally::default();
            for record in merged(&runs_file, runs) {
                let mut t = record?;
                gate(c, &mut t);
                tally.add(&t);
                line.clear();
                serde_json::to_writer(&mut line, &t)?;
                line.push(b'\n');
                out.write_all(&line)?;
                offset += line.len() as u64;
            }
            results.push(ControlResult {
                control: c.clone(),
                targets: Targets::spilled(settled.clone(), start, offset - start, tally),
            });
        }
        out.flush()?;
        drop(out);
        Ok(results)
    }
}

/// Sort every control's held targets and append them to the spill file as
/// a run each.
fn spill(state: &mut State) -> io::Result<()> {
    if state.file.is_none() {
        state.file = Some((BufWriter::with_capacity(1 << 16, tempfile::tempfile()?), 0));
    }
    let held = std::mem::take(&mut state.held);
    state.held = held.iter().map(|_| Vec::new()).collect();
    state.count = 0;
    let Some((w, end)) = state.file.as_mut() else {
        return Ok(());
    };
    let mut line = Vec::new();
    for (ci, mut targets) in held.into_iter().enumerate() {
        if targets.is_empty() {
            continue;
        }
        targets.sort_by(|a, b| (&a.1.name, a.0).cmp(&(&b.1.name, b.0)));
        let start = *end;
        for (seq, t) in &targets {
            line.clear();
            serde_json::to_writer(
                &mut line,
                &Record {
                    seq: *seq,
                    anchors: t.findings.iter().map(|f| f.anchor_line).collect(),
                    target: t,
                },
            )?;
            line.push(b'\n');
            w.write_all(&line)?;
            *end += line.len() as u64;
        }
        state.runs[ci].push((start, *end - start));
    }
    // Readers use the file's descriptor directly: nothing may wait in the
    // buffer once a run is listed.
    w.flush()
}

/// A control's runs merged by (name, sequence).
fn merged<'f>(
    file: &'f Arc<File>,
    runs: &'f [(u64, u64)],
) -> impl Iterator<Item = io::Result<TargetResult>> + 'f {
    let mut readers: Vec<RunReader> = runs
        .iter()
        .map(|&(offset, len)| RunReader {
            // A control's run from one spill is often a few KB, and a large
            // scan has hundreds of runs open at once while a control is
            // merged: a fixed 16 KB each held 12 MB at 100,001 files.
            lines: BufReader::with_capacity(
                usize::try_from(len).map_or(1 << 14, |l| l.clamp(1, 1 << 14)),
                Section::new(file.clone(), offset, len),
            ),
            buf: String::new(),
        })
        .collect();
    let mut heap = BinaryHeap::new();
    let mut failed: Option<io::Error> = None;
    for (i, r) in readers.iter_mut().enumerate() {
        match r.next() {
            Ok(Some(rec)) => heap.push(Reverse(Entry(rec, i))),
            Ok(None) => {}
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    std::iter::from_fn(move || {
        if let Some(e) = failed.take() {
            return Some(Err(e));
        }
        let Reverse(Entry(rec, i)) = heap.pop()?;
        match readers[i].next() {
            Ok(Some(next)) => heap.push(Reverse(Entry(next, i))),
            Ok(None) => {}
            Err(e) => failed = Some(e),
        }
        let mut t = rec.target;
        for (f, a) in t.findings.iter_mut().zip(rec.anchors) {
            f.anchor_line = a;
        }
        Some(Ok(t))
    })
}

struct RunReader {
    lines: BufReader<Section>,
    buf: String,
}

impl RunReader {
    fn next(&mut self) -> io::Result<Option<OwnedRecord>> {
        self.buf.clear();
        if self.lines.read_line(&mut self.buf)? == 0 {
            return Ok(None);
        }
        Ok(Some(serde_json::from_str(&self.buf)?))
    }
}

/// A record in the merge heap, ordered by (name, sequence).
struct Entry(OwnedRecord, usize);

impl Entry {
    fn key(&self) -> (&str, u64) {
        (&self.0.target.name, self.0.seq)
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// A byte range of a shared file, read by position so that any number of
/// readers share one descriptor without moving each other's offset.
pub struct Section {
    file: Arc<File>,
    pos: u64,
    end: u64,
}

impl Section {
    pub fn new(file: Arc<File>, offset: u64, len: u64) -> Section {
        Section {
            file,
            pos: offset,
            end: offset + len,
        }
    }
}

impl Read for Section {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = usize::try_from(self.end - self.pos).unwrap_or(usize::MAX);
        let want = buf.len().min(left);
        if want == 0 {
            return Ok(0);
        }
        let n = read_at(&self.file, &mut buf[..want], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}
