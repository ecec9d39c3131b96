//! The scan pipeline: each discovered unit (a file, or a Terraform module)
//! is read, parsed and evaluated by the same worker, and its documents are
//! dropped as soon as the controls that judge a document alone have run on
//! them. Memory then holds the results, not the repository, and parsing
//! overlaps evaluation.
//!
//! Controls that look across inputs (they read `data.inventory`, see
//! [`crate::controls::Control::cross_input`]) need every document's
//! inventory entry first. The entries are taken while each document is at
//! hand; only the documents such a control examines are kept, and it runs
//! on them once every unit is parsed. Nothing is read or parsed twice.

use crate::controls::PolicyError;
use crate::evaluate::targets::build_targets;
use crate::evaluate::{Evaluator, RawEval, Stage, Workers};
use crate::inputs::components::{self, Components};
use crate::inputs::load::{parse_guarded, InputLimits};
use crate::inputs::waivers::InlineWaiver;
use crate::inputs::Unexamined;
use crate::inputs::{inventory, Document, InputError, Unit};
use crate::results::{ControlResult, NotExamined, TargetResult};
use rayon::prelude::*;
use std::collections::HashMap;

/// What a scan's units gave.
#[derive(Debug, Default)]
pub struct Streamed {
    /// Documents parsed.
    pub documents: usize,
    /// Inputs that could not be read or parsed, in the units' order.
    pub errors: Vec<InputError>,
    /// `assure:waive` comments found in the files.
    pub waivers: Vec<InlineWaiver>,
    /// Each control of the evaluator with its targets, sorted by name.
    pub controls: Vec<ControlResult>,
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
    inventory: Vec<serde_json::Value>,
    /// Documents a cross-input control examines, with the number of
    /// documents in their file (for target names).
    kept: Vec<(Document, usize)>,
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
    let outcomes: Vec<UnitOutcome> = units
        .par_chunks(batch_size(units.len()))
        .map(|batch| {
            let outcome = batch_outcome(ev, &workers, batch, limits);
            batch.iter().for_each(|_| done());
            outcome
        })
        .collect();
    drop(workers);
    finish(evaluator, outcomes)
}

/// Evaluate documents already parsed (`--combine`: one document holding
/// every input), as the units' documents are.
pub fn run_documents(
    evaluator: &mut Evaluator,
    documents: Vec<Document>,
) -> Result<Streamed, PolicyError> {
    let ev = &*evaluator;
    let workers = ev.workers();
    let mut out = UnitOutcome {
        documents: documents.len(),
        ..UnitOutcome::default()
    };
    evaluate_alone(ev, &workers, documents, &mut out);
    drop(workers);
    finish(evaluator, vec![out])
}

/// Merge the units' outcomes, give the evaluator the scan's inventory, run
/// the controls that look across inputs, and sort each control's targets.
fn finish(evaluator: &mut Evaluator, outcomes: Vec<UnitOutcome>) -> Result<Streamed, PolicyError> {
    let mut streamed = Streamed::default();
    let mut by_control: Vec<Vec<TargetResult>> =
        evaluator.controls().iter().map(|_| vec![]).collect();
    let mut entries = Vec::new();
    let mut kept = Vec::new();
    for o in outcomes {
        streamed.documents += o.documents;
        streamed.errors.extend(o.errors);
        streamed.waivers.extend(o.waivers);
        streamed.not_examined.absorb(o.not_examined);
        streamed.components.absorb(o.components);
        for (ci, t) in o.targets {
            by_control[ci].extend(t);
        }
        entries.extend(o.inventory);
        kept.extend(o.kept);
    }
    evaluator.add_data(inventory::from_entries(entries))?;
    let ev = &*evaluator;
    let workers = ev.workers();
    let across: Vec<(usize, Vec<TargetResult>)> = kept
        .par_iter()
        .map(|(doc, n)| {
            let evs = workers.with(|w| w.evaluate(doc, Stage::Across));
            targets(ev, doc, *n, evs)
        })
        .flatten()
        .collect();
    for (ci, t) in across {
        by_control[ci].extend(t);
    }
    streamed.controls = evaluator
        .controls()
        .iter()
        .zip(by_control)
        .map(|(c, targets)| ControlResult {
            control: c.clone(),
            targets,
        })
        .collect();
    streamed
        .controls
        .par_iter_mut()
        .for_each(|r| r.targets.sort_by(|a, b| a.name.cmp(&b.name)));
    Ok(streamed)
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
) -> UnitOutcome {
    let mut out = UnitOutcome::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut bytes = 0;
    for (i, unit) in batch.iter().enumerate() {
        let parsed = parse_guarded(unit, limits);
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
        docs.extend(parsed.documents);
        bytes += parsed.bytes;
        if bytes >= BATCH_BYTES || i + 1 == batch.len() {
            evaluate_alone(ev, workers, std::mem::take(&mut docs), &mut out);
            bytes = 0;
        }
    }
    out
}

/// Evaluate parsed documents (whole units' worth) and keep what outlives
/// them: targets, inventory entries, documents cross-input controls need.
fn evaluate_alone(
    ev: &Evaluator,
    workers: &Workers<'_>,
    docs: Vec<Document>,
    out: &mut UnitOutcome,
) {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        *per_file.entry(d.path.as_str()).or_default() += 1;
    }
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
    out.inventory
        .extend(docs.iter().filter_map(inventory::entry));
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
                        .entry(components::provider(t))
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
