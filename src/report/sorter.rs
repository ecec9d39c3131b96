//! Sorting a report's rows across controls in bounded memory.
//!
//! The text report groups findings by file, across every control, while
//! the scan keeps each control's targets apart (and on disk past a bound,
//! see [`crate::results::spill`]). Holding every finding to sort them made
//! the report's memory follow the number of findings. A [`Sorter`] holds a
//! bounded number of rows; past it, it sorts them and writes them to a
//! temporary file as a run, and [`Sorter::finish`] merges the runs. Equal
//! rows keep the order they were pushed in, so the output is the one a
//! stable in-memory sort gives.

use crate::results::spill::Section;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::sync::Arc;

/// How two rows compare.
pub type Compare<T> = fn(&T, &T) -> Ordering;

/// See the module documentation.
pub struct Sorter<T> {
    held: Vec<(u64, T)>,
    next: u64,
    limit: usize,
    cmp: Compare<T>,
    /// The run file, its length, and each run's (offset, length).
    file: Option<(BufWriter<File>, u64)>,
    runs: Vec<(u64, u64)>,
}

#[derive(Serialize, Deserialize)]
struct Record<T> {
    seq: u64,
    row: T,
}

impl<T: Serialize + DeserializeOwned> Sorter<T> {
    /// A sorter holding at most `limit` rows in memory.
    pub fn new(cmp: Compare<T>, limit: usize) -> Sorter<T> {
        Sorter {
            held: Vec::new(),
            next: 0,
            limit: limit.max(1),
            cmp,
            file: None,
            runs: Vec::new(),
        }
    }

    pub fn push(&mut self, row: T) -> io::Result<()> {
        self.held.push((self.next, row));
        self.next += 1;
        if self.held.len() >= self.limit {
            self.spill().map_err(in_sort_file)?;
        }
        Ok(())
    }

    fn sort_held(&mut self) {
        let cmp = self.cmp;
        self.held
            .sort_by(|a, b| cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    }

    fn spill(&mut self) -> io::Result<()> {
        self.sort_held();
        if self.file.is_none() {
            self.file = Some((BufWriter::with_capacity(1 << 16, tempfile::tempfile()?), 0));
        }
        let Some((w, end)) = self.file.as_mut() else {
            return Ok(());
        };
        let start = *end;
        let mut line = Vec::new();
        for (seq, row) in self.held.drain(..) {
            line.clear();
            serde_json::to_writer(&mut line, &Record { seq, row })?;
            line.push(b'\n');
            w.write_all(&line)?;
            *end += line.len() as u64;
        }
        self.runs.push((start, *end - start));
        Ok(())
    }

    /// Every row pushed, in order.
    pub fn finish(self) -> io::Result<Sorted<T>> {
        self.merge().map_err(in_sort_file)
    }

    fn merge(mut self) -> io::Result<Sorted<T>> {
        if self.file.is_none() {
            self.sort_held();
            return Ok(Sorted::Held(std::mem::take(&mut self.held).into_iter()));
        }
        if !self.held.is_empty() {
            self.spill()?;
        }
        let Some((writer, _)) = self.file.take() else {
            return Err(io::Error::other("sort file missing"));
        };
        let file = Arc::new(writer.into_inner().map_err(|e| e.into_error())?);
        let mut readers = Vec::with_capacity(self.runs.len());
        let mut heap = BinaryHeap::with_capacity(self.runs.len());
        for &(offset, len) in &self.runs {
            let mut reader =
                BufReader::with_capacity(1 << 14, Section::new(file.clone(), offset, len));
            if let Some(rec) = read(&mut reader)? {
                heap.push(Reverse(Entry {
                    seq: rec.seq,
                    row: rec.row,
                    run: readers.len(),
                    cmp: self.cmp,
                }));
            }
            readers.push(reader);
        }
        Ok(Sorted::Merged {
            readers,
            heap,
            cmp: self.cmp,
        })
    }
}

/// An I/O error of the run file, saying which file it is: it reaches the
/// user as the report's error, which would otherwise name only the output.
fn in_sort_file(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("temporary file sorting the report's rows: {e}"),
    )
}

fn read<T: DeserializeOwned>(reader: &mut impl BufRead) -> io::Result<Option<Record<T>>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(serde_json::from_str(&line)?))
}

/// The rows of a finished [`Sorter`], in order.
pub enum Sorted<T> {
    Held(std::vec::IntoIter<(u64, T)>),
    Merged {
        readers: Vec<BufReader<Section>>,
        heap: BinaryHeap<Reverse<Entry<T>>>,
        cmp: Compare<T>,
    },
}

impl<T: DeserializeOwned> Iterator for Sorted<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        match self {
            Sorted::Held(rows) => rows.next().map(|(_, row)| Ok(row)),
            Sorted::Merged { readers, heap, cmp } => {
                let Reverse(top) = heap.pop()?;
                match read::<T>(&mut readers[top.run]) {
                    Ok(Some(rec)) => heap.push(Reverse(Entry {
                        seq: rec.seq,
                        row: rec.row,
                        run: top.run,
                        cmp: *cmp,
                    })),
                    Ok(None) => {}
                    Err(e) => {
                        heap.clear();
                        return Some(Err(in_sort_file(e)));
                    }
                }
                Some(Ok(top.row))
            }
        }
    }
}

/// A row in the merge, ordered by its comparison, then the order pushed.
pub struct Entry<T> {
    seq: u64,
    row: T,
    run: usize,
    cmp: Compare<T>,
}

impl<T> PartialEq for Entry<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T> Eq for Entry<T> {}

impl<T> PartialOrd for Entry<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Entry<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.cmp)(&self.row, &other.row).then(self.seq.cmp(&other.seq))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_key(a: &(u32, String), b: &(u32, String)) -> Ordering {
        a.0.cmp(&b.0)
    }

    fn sorted(rows: &[(u32, String)], limit: usize) -> Vec<(u32, String)> {
        let mut s = Sorter::new(by_key, limit);
        for r in rows {
            s.push(r.clone()).expect("push");
        }
        s.finish()
            .expect("finish")
            .collect::<io::Result<Vec<_>>>()
            .expect("read back")
    }

    #[test]
    fn spilled_or_held_the_order_is_a_stable_sort() {
        // Keys repeat, so stability is visible in the second field.
        let rows: Vec<(u32, String)> = (0..1000u32)
            .map(|i| ((i * 7919) % 37, format!("row {i}")))
            .collect();
        let mut expected = rows.clone();
        expected.sort_by(by_key);
        for limit in [1, 3, 64, 999, 1000, 5000] {
            assert_eq!(sorted(&rows, limit), expected, "limit {limit}");
        }
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(sorted(&[], 1).is_empty());
    }
}
