//! The scan pipeline: each discovered unit (a file, or a Terraform module)
//! is read, parsed and evaluated by the same worker, and its documents are
//! dropped as soon as the controls that judge a document alone have run on
//! them. Memory then holds the results, not the repository, and parsing
//! overlaps evaluation.
//!
//! Controls that look across inputs (they read `data.inventory`, see
//! [`crate::controls::Control::cross_input`]) need every document's
//! inventory entry first. The entries are taken while each document is at
//! hand, and the units holding a document such a control examines are
//! noted; once every unit is parsed, those units are parsed again and the
//! control runs on their documents. Parsing them twice is the price of not
//! holding every such document until the end (all Kubernetes workloads in a
//! monorepo: memory grew with the repository).

use crate::controls::Control;
use crate::controls::PolicyError;
use crate::evaluate::targets::build_targets;
use crate::evaluate::{Evaluator, RawEval, Stage, Workers};
use crate::inputs::components::{self, Components};
use crate::inputs::load::{parse_guarded, InputLimits};
use crate::inputs::waivers::InlineWaiver;
use crate::inputs::Unexamined;
use crate::inputs::{inventory, Document, InputError, Unit};
use crate::results::spill::{spill_after, Collector};
use crate::results::{NotExamined, TargetResult};
use rayon::prelude::*;
use std::collections::HashMap;

/// What a scan's units gave.
pub struct Streamed {
    /// Documents parsed.
    pub documents: usize,
    /// Inputs that could not be read or parsed, in the units' order.
    pub errors: Vec<InputError>,
    /// `assure:waive` comments found in the files.
    pub waivers: Vec<InlineWaiver>,
    /// The controls of the evaluator, in its order.
    pub controls: Vec<Control>,
    /// Their targets, to be settled (sorted, the gate applied) once.
    pub targets: Collector,
    /// What the units held and no control examined.
    pub not_examined: NotExamined,
    /// What the configuration describes.
    pub components: Components,
}

/// What one unit gave.
#[derive(Default)]
struct UnitOutcome {
    documents: usize,
    errors: Vec<InputError>,
    waivers: Vec<InlineWaiver>,
    not_examined: NotExamined,
    components: Components,
    targets: Vec<(usize, Vec<TargetResult>)>,
    inventory: inventory::Gathered,
    /// Documents a cross-input control examines, with the number of
    /// documents in their file (for target names): only for documents that
    /// were given rather than parsed from units.
    kept: Vec<(Document, usize)>,
    /// Units (by index) holding a document a cross-input control examines.
    deferred: Vec<usize>,
}

impl UnitOutcome {
    /// This outcome followed by `next` (its lists after this one's).
    fn then(mut self, next: UnitOutcome) -> UnitOutcome {
        self.documents += next.documents;
        self.errors.extend(next.errors);
        self.waivers.extend(next.waivers);
        self.not_examined.absorb(next.not_examined);
        self.components.absorb(next.components);
        self.targets.extend(next.targets);
        self.inventory.then(next.inventory);
        self.kept.extend(next.kept);
        self.deferred.extend(next.deferred);
        self
    }
}

/// Parse and evaluate every unit, calling `done` after each one. The scan's
/// inventory is merged into the evaluator's data on the way.
pub fn run(
    evaluator: &mut Evaluator,
    units: &[Unit],
    limits: InputLimits,
    done: &(dyn Fn() + Sync),
) -> Result<Streamed, PolicyError> {
    let ev = &*evaluator;
    let workers = ev.workers();
    let collector = Collector::new(ev.controls().len(), spill_after());
    let size = batch_size(units.len());
    // Merged as batches complete, in the units' order (an indexed reduce
    // joins neighbours only): holding every batch's outcome until the end,
    // each with its own maps of type names, grew with the repository.
    let outcome = units
        .par_chunks(size)
        .enumerate()
        .map(|(i, batch)| {
            let at = Batch {
                first_unit: i * size,
                seq: seq_of(i),
            };
            let outcome = batch_outcome(ev, &workers, batch, limits, &collector, at);
            batch.iter().for_each(|_| done());
            outcome
        })
        .reduce(UnitOutcome::default, UnitOutcome::then);
    drop(workers);
    let across = seq_of(units.len().div_ceil(size));
    finish(evaluator, outcome, collector, (units, limits, across))
}

/// Evaluate documents already parsed (`--combine`: one document holding
/// every input), as the units' documents are.
pub fn run_documents(
    evaluator: &mut Evaluator,
    documents: Vec<Document>,
) -> Result<Streamed, PolicyError> {
    let ev = &*evaluator;
    let workers = ev.workers();
    let collector = Collector::new(ev.controls().len(), spill_after());
    let mut out = UnitOutcome {
        documents: documents.len(),
        ..UnitOutcome::default()
    };
    evaluate_alone(ev, &workers, documents, &mut out, true);
    collector.add(0, std::mem::take(&mut out.targets));
    drop(workers);
    finish(
        evaluator,
        out,
        collector,
        (&[], InputLimits::default(), seq_of(1)),
    )
}

/// Where the targets of batch `i` are numbered from: targets sort by name,
/// then by this number, so that ties keep the units' order.
fn seq_of(i: usize) -> u64 {
    (i as u64) << 32
}

/// Where a batch stands in the scan.
#[derive(Clone, Copy)]
struct Batch {
    /// Index of its first unit.
    first_unit: usize,
    /// Where its targets are numbered from.
    seq: u64,
}

/// Merge the units' outcomes, give the evaluator the scan's inventory, and
/// run the controls that look across inputs on the documents kept and on
/// those of the deferred units, parsed again (their targets numbered from
/// `across`).
fn finish(
    evaluator: &mut Evaluator,
    outcome: UnitOutcome,
    collector: Collector,
    (units, limits, across): (&[Unit], InputLimits, u64),
) -> Result<Streamed, PolicyError> {
    let UnitOutcome {
        documents,
        errors,
        waivers,
        not_examined,
        components,
        inventory: gathered,
        kept,
        deferred,
        targets: _,
    } = outcome;
    if evaluator.reads_inventory() {
        let parts = evaluator.inventory_parts();
        evaluator.add_data(gathered.build(parts))?;
    }
    let ev = &*evaluator;
    let workers = ev.workers();
    kept.par_iter().enumerate().for_each(|(i, (doc, n))| {
        let evs = workers.with(|w| w.evaluate(doc, Stage::Across));
        collector.add(across + seq_of(i), targets(ev, doc, *n, evs));
    });
    let across = across + seq_of(kept.len());
    deferred.par_iter().enumerate().for_each(|(i, &u)| {
        let Some(unit) = units.get(u) else { return };
        let docs = parse_guarded(unit, limits).documents;
        let in_file = files_of(&docs);
        let mut seq = across + seq_of(i);
        for doc in docs.iter().filter(|d| ev.defers(d)) {
            let evs = workers.with(|w| w.evaluate(doc, Stage::Across));
            let n = in_file.get(doc.path.as_str()).copied().unwrap_or(1);
            let t = targets(ev, doc, n, evs);
            let count: usize = t.iter().map(|(_, t)| t.len()).sum();
            collector.add(seq, t);
            seq += count as u64;
        }
    });
    Ok(Streamed {
        documents,
        errors,
        waivers,
        controls: evaluator.controls().to_vec(),
        targets: collector,
        not_examined,
        components,
    })
}

/// Units per batch: enough for each control's engine to be reused while
/// it is in the processor's caches (see [`Worker::evaluate_batch`]),
/// few enough that every thread gets several batches.
fn batch_size(units: usize) -> usize {
    let threads = rayon::current_num_threads().max(1);
    (units / (threads * 8)).clamp(1, 32)
}

/// Documents one task evaluates: the unit of sharing a large file's
/// documents across threads, big enough that each control's engine is
/// reused within a task.
const DOCS_PER_TASK: usize = 64;

/// Text a worker parses before it evaluates and drops what it holds, so
/// that a batch of large files does not hold them all at once: memory
/// stays near (threads x this budget, or one file if larger) plus results.
const BATCH_BYTES: usize = 4 << 20;

/// Parse a batch of units and evaluate the controls that judge a document
/// alone on their documents, a few megabytes of text at a time.
fn batch_outcome(
    ev: &Evaluator,
    workers: &Workers<'_>,
    batch: &[Unit],
    limits: InputLimits,
    collector: &Collector,
    at: Batch,
) -> UnitOutcome {
    let mut seq = at.seq;
    let mut out = UnitOutcome::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut bytes = 0;
    let mut large = Vec::new();
    for (i, unit) in batch.iter().enumerate() {
        let mut parsed = parse_guarded(unit, limits);
        // Until this batch's documents are evaluated and dropped.
        large.extend(parsed.large.take());
        out.documents += parsed.documents.len();
        out.errors.extend(parsed.errors);
        out.waivers.extend(parsed.waivers);
        for u in parsed.not_examined {
            if u.kind == "module call" {
                out.not_examined.module_calls.push(u);
            } else {
                out.not_examined.files.push(u);
            }
        }
        if parsed.documents.iter().any(|d| ev.defers(d)) {
            out.deferred.push(at.first_unit + i);
        }
        docs.extend(parsed.documents);
        bytes += parsed.bytes;
        if bytes >= BATCH_BYTES || i + 1 == batch.len() {
            evaluate_alone(ev, workers, std::mem::take(&mut docs), &mut out, false);
            let targets = std::mem::take(&mut out.targets);
            let n: usize = targets.iter().map(|(_, t)| t.len()).sum();
            collector.add(seq, targets);
            seq += n as u64;
            bytes = 0;
            large.clear();
        }
    }
    out
}

/// How many documents each file of these documents holds.
fn files_of(docs: &[Document]) -> HashMap<&str, usize> {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        *per_file.entry(d.path.as_str()).or_default() += 1;
    }
    per_file
}

/// Evaluate parsed documents (whole units' worth) and keep what outlives
/// them: targets, inventory entries, and (with `keep`, for documents that
/// cannot be parsed again) the documents cross-input controls need.
fn evaluate_alone(
    ev: &Evaluator,
    workers: &Workers<'_>,
    docs: Vec<Document>,
    out: &mut UnitOutcome,
    keep: bool,
) {
    let per_file = files_of(&docs);
    let in_file = |d: &Document| per_file.get(d.path.as_str()).copied().unwrap_or(1);
    let refs: Vec<&Document> = docs.iter().collect();
    // One file can hold tens of thousands of documents (a Kubernetes
    // `List`): its documents are shared across the pool in chunks, each
    // chunk evaluated control by control by the worker of the thread that
    // takes it. The worker is held only while it evaluates (no parallel
    // work starts inside), so a thread never waits on its own worker.
    let evaluated: Vec<Vec<(usize, Vec<TargetResult>)>> = refs
        .par_chunks(DOCS_PER_TASK)
        .map(|chunk| {
            let raws = workers.with(|w| w.evaluate_batch(chunk, Stage::Alone));
            raws.into_iter()
                .map(|(di, ci, raw)| {
                    let doc = chunk[di];
                    (
                        ci,
                        build_targets(&ev.controls()[ci], doc, in_file(doc), raw),
                    )
                })
                .collect()
        })
        .collect();
    out.targets.extend(evaluated.into_iter().flatten());
    note_unread(ev, &docs, &mut out.not_examined);
    for d in &docs {
        out.components.note(d);
    }
    let parts = ev.inventory_parts();
    if parts.any() {
        docs.iter().for_each(|d| out.inventory.add(d, parts));
    }
    if !keep {
        return;
    }
    let counts: Vec<usize> = docs.iter().map(in_file).collect();
    drop(refs);
    drop(per_file);
    for (doc, n) in docs.into_iter().zip(counts) {
        if ev.defers(&doc) {
            out.kept.push((doc, n));
        }
    }
}

/// What no loaded control reads in these documents: resource types (by
/// provider) and whole files of a kind no control applies to.
fn note_unread(ev: &Evaluator, docs: &[Document], into: &mut NotExamined) {
    // A file is unread only when none of its documents is read (a plan's
    // raw document is not, its module documents are).
    let mut read: Vec<&str> = Vec::new();
    let mut unread: Vec<&Document> = Vec::new();
    for d in docs {
        match ev.unread_types(d) {
            None => unread.push(d),
            Some(types) => {
                read.push(&d.path);
                for t in types {
                    let u = into
                        .resource_types
                        .entry(components::provider(d.kind, t))
                        .or_default();
                    u.resources += 1;
                    u.types.insert(t.to_owned());
                }
            }
        }
    }
    for d in unread {
        if read.contains(&d.path.as_str()) || into.files.iter().any(|f| f.path == d.path) {
            continue;
        }
        into.files.push(Unexamined {
            path: d.path.clone(),
            line: None,
            kind: d.kind.name().to_owned(),
            what: d.path.clone(),
            reason: format!("no loaded control reads {} files", d.kind),
        });
    }
}

/// The targets of a document's evaluations, by control.
fn targets(
    ev: &Evaluator,
    doc: &Document,
    docs_in_file: usize,
    evs: Vec<(usize, RawEval)>,
) -> Vec<(usize, Vec<TargetResult>)> {
    evs.into_iter()
        .map(|(ci, raw)| {
            (
                ci,
                build_targets(&ev.controls()[ci], doc, docs_in_file, raw),
            )
        })
        .collect()
}
