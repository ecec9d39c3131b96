//! Evaluation: every control against every document of a kind and
//! resource type it declares, each evaluation under a time limit.
//!
//! Policies are parsed and checked once ([`Evaluator::new`]). Each control
//! runs in an engine of its own holding only the modules it needs (module
//! `engines`), through one generated entry rule (module `entry`); the
//! engine is built the first time a scan needs it, and each pool thread's
//! [`Worker`] clones it once and reuses it for every document it takes.
//! Each document is converted to a regorus value once and shared by all the
//! controls that evaluate it. The scan streams documents through workers
//! (see the pipeline module).
//!
//! Interpreter or VM: regorus offers both; see [`EngineMode`] for why the
//! interpreter is the default.

mod collect;
mod engines;
mod entry;
pub mod guards;
pub mod targets;
#[cfg(test)]
mod tests;
mod worker;

pub use targets::RawEval;
pub use worker::Worker;

use crate::controls::{Control, ControlSet};
use crate::inputs::pod_spec::POD_SPEC_TYPE;
use crate::inputs::Document;
use crate::inputs::TERRAFORM_BLOCK_TYPES;
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::utils::limits::ExecutionTimerConfig;
use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

/// Which regorus engine evaluates the controls.
///
/// The interpreter is the default, for correctness. Measured on regorus
/// 0.14.1 (see the README's engine section for the numbers), the bytecode VM
/// was faster per evaluation, but it gives wrong answers on ordinary
/// policies: a function with an `else` whose first body iterates and fails
/// returns undefined instead of the `else` value (our Dockerfile controls
/// lost findings to it), and conflicting complete rules evaluate to undefined
/// instead of an error. A control runner that silently drops findings is
/// worse than a slower one, so the VM is opt-in (`--engine vm`) until those
/// are fixed upstream. Programs are still compiled for every control at load
/// time because the VM compiler finds unknown builtins statically, which the
/// interpreter only finds when a rule reaches the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EngineMode {
    #[default]
    Interpreter,
    /// regorus's RVM, for controls it compiles (experimental, see above).
    Vm,
}

#[derive(Debug, Clone, Copy)]
pub struct EvalOptions {
    /// Wall-clock limit for one control on one document.
    pub timeout: Duration,
    pub mode: EngineMode,
    /// Evaluate every control on every document of its kinds, even those
    /// holding none of its `resource_types` (slower; results are the same).
    pub evaluate_all: bool,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            timeout: Duration::from_secs(10),
            mode: EngineMode::Interpreter,
            evaluate_all: false,
        }
    }
}

/// How one control is run.
enum Runner {
    /// The interpreter, in the control's own engine (see [`engines`]), one
    /// pass through its entry rule (see [`entry`]). The engine is built the
    /// first time a worker needs it, so that start-up does not pay for
    /// controls the scan never runs (an empty folder runs none); if it
    /// cannot be built the control runs rule by rule in the engine holding
    /// every policy.
    Own(Box<OnceLock<Result<regorus::Engine, String>>>),
    Vm(Arc<Program>),
}

/// Compiled controls, ready to evaluate documents.
pub struct Evaluator {
    set: ControlSet,
    runners: Vec<Runner>,
    libraries: engines::Libraries,
    data: regorus::Value,
    opts: EvalOptions,
    /// Controls the VM could not compile, and why (they run on the
    /// interpreter).
    vm_fallbacks: Vec<(String, String)>,
}

/// Bound the memory the whole process may hold while policies evaluate.
///
/// A policy can allocate far past its time limit inside one builtin call
/// (`numbers.range(1, 1e9)` built a 20 GB array in a minute before the
/// limit was checked). regorus counts every allocation through its own
/// allocator (its `allocator-memory-limits` feature) and checks this limit
/// as values grow, inside builtins and comprehensions: an evaluation that
/// crosses it ends with an error for that control and document, and the
/// memory is given back. The limit is process-wide, so it covers what
/// assure itself holds too; the default leaves room for a large scan.
pub fn limit_memory(bytes: u64) {
    regorus::set_global_memory_limit(Some(bytes));
}

/// The rule paths of a control, in evaluation order.
fn rule_paths(c: &Control) -> Vec<String> {
    let mut out: Vec<String> = c
        .rules
        .deny
        .iter()
        .chain(&c.rules.warn)
        .map(|r| format!("data.{}.{}", c.package, r))
        .collect();
    if c.rules.resources {
        out.push(format!("data.{}.resources", c.package));
    }
    if c.rules.exception {
        out.push(format!("data.{}.exception", c.package));
    }
    out
}

impl Evaluator {
    /// Prepare every control. In `Vm` mode a control the VM cannot compile
    /// (it rejects `with`, among others) runs on the interpreter. Unknown
    /// builtins are errors in every mode, found here and not mid-scan
    /// (for the built-in library alone, by its tests: see
    /// [`crate::controls::CompileOptions::whole_engine`]).
    pub fn new(
        set: ControlSet,
        opts: EvalOptions,
    ) -> Result<Evaluator, Vec<crate::controls::PolicyError>> {
        let mut runners = Vec::with_capacity(set.controls.len());
        let mut fallbacks = Vec::new();
        let mut errors = Vec::new();
        // Without the policies in one engine (the built-in library alone on
        // the interpreter, whose own tests check it) there is nothing to
        // compile: every control runs in its own engine.
        let mut engine = set.whole.then(|| set.engine.clone());
        // Analyse the modules once (loop hoisting over every module is most
        // of the cost) and compile each control's RVM program from that:
        // compiling from the engine per control took about 0.1 s of start-up
        // with 61 controls.
        let first = set.controls.iter().flat_map(rule_paths).next();
        let policy = engine.as_mut().zip(first).map(|(engine, rule)| {
            engine
                .compile_with_entrypoint(&rule.as_str().into())
                .map_err(|e| e.to_string())
        });
        for c in &set.controls {
            let interpreter = || Runner::Own(Box::default());
            let program = match &policy {
                Some(Ok(p)) => compile_program(p, &rule_paths(c)),
                Some(Err(e)) => Err(e.clone()),
                // Nothing compiled: the library alone on the interpreter
                // (a control always has a rule, so `first` is never empty).
                None => {
                    runners.push(interpreter());
                    continue;
                }
            };
            match program {
                Ok(p) if opts.mode == EngineMode::Vm => runners.push(Runner::Vm(p)),
                Ok(_) => runners.push(interpreter()),
                Err(e)
                    if e.contains("Unknown builtin function") || e.contains("Unknown function") =>
                {
                    errors.push(crate::controls::PolicyError {
                        file: c.source.clone(),
                        line: None,
                        message: format!("control `{}`: {e}", c.id),
                    });
                }
                Err(e) => {
                    if opts.mode == EngineMode::Vm {
                        fallbacks.push((c.id.clone(), e));
                    }
                    runners.push(interpreter());
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        drop(engine);
        let data = set.engine.get_data();
        let mut set = set;
        // The engine holding every policy is not needed to evaluate: each
        // control has its own (see `engines`), and the fallback is built from
        // the sources if ever needed. Keep only the data.
        if set.whole {
            if let Ok(data_only) = engines::data_only(&set) {
                set.engine = data_only;
                set.whole = false;
            }
        }
        Ok(Evaluator {
            set,
            runners,
            libraries: engines::Libraries::default(),
            data,
            opts,
            vm_fallbacks: fallbacks,
        })
    }

    /// Controls that did not run the way [`EvalOptions::mode`] asked, and
    /// why: those the VM could not compile, and those whose own engine
    /// could not be built (known only once a scan has needed them).
    pub fn fallbacks(&self) -> Vec<(String, String)> {
        let mut out = self.vm_fallbacks.clone();
        for (i, r) in self.runners.iter().enumerate() {
            if let Runner::Own(cell) = r {
                if let Some(Err(e)) = cell.get() {
                    out.push((self.set.controls[i].id.clone(), e.clone()));
                }
            }
        }
        out
    }

    pub fn controls(&self) -> &[Control] {
        &self.set.controls
    }

    /// Whether any loaded control reads the scan's inventory: when none
    /// does, the scan need not gather it (a summary of every Kubernetes
    /// document, which grows with the repository).
    pub fn reads_inventory(&self) -> bool {
        self.set.controls.iter().any(|c| c.cross_input)
    }

    /// The parts of the inventory the loaded controls read.
    pub fn inventory_parts(&self) -> crate::inputs::inventory::Parts {
        self.set
            .controls
            .iter()
            .map(|c| c.inventory)
            .fold(Default::default(), crate::inputs::inventory::Parts::union)
    }

    /// Merge a data document (the scan's inventory) into what the controls
    /// see. Call it before any worker runs a control that reads it: engines
    /// already built keep the data they were built with.
    pub fn add_data(&mut self, data: regorus::Value) -> Result<(), crate::controls::PolicyError> {
        self.set.add_data(data)?;
        self.data = self.set.engine.get_data();
        for (runner, c) in self.runners.iter_mut().zip(&self.set.controls) {
            if let Runner::Own(cell) = runner {
                if c.cross_input {
                    **cell = OnceLock::new();
                }
            }
        }
        Ok(())
    }

    /// A worker: evaluates documents one by one on the calling thread,
    /// reusing its engines.
    pub fn worker(&self) -> Worker<'_> {
        Worker::new(self)
    }

    /// One worker per thread of rayon's pool, for parallel loops.
    pub fn workers(&self) -> Workers<'_> {
        Workers(
            (0..rayon::current_num_threads().max(1))
                .map(|_| Mutex::new(self.worker()))
                .collect(),
        )
    }

    /// Whether a cross-input control (see [`Control::cross_input`]) will
    /// examine this document, so that it must be kept for [`Stage::Across`].
    pub fn defers(&self, doc: &Document) -> bool {
        let types = self.types(doc);
        self.set
            .controls
            .iter()
            .any(|c| c.cross_input && c.applies_to(doc.kind) && c.examines(types.as_ref()))
    }

    /// What no loaded control reads in a document: its resource types that
    /// no control applying to its kind examines (`None` when no control
    /// applies to its kind at all: the whole file is unread).
    pub fn unread_types<'d>(&self, doc: &'d Document) -> Option<Vec<&'d str>> {
        let applying: Vec<&Control> = self
            .set
            .controls
            .iter()
            .filter(|c| c.applies_to(doc.kind))
            .collect();
        if applying.is_empty() {
            return None;
        }
        // A policy of the user's without resource_types reads every type of
        // its kinds. A built-in one without them reads every block for one
        // concern that cuts across types (secrets in any argument), which
        // does not make a type examined.
        if applying
            .iter()
            .any(|c| c.resource_types.is_empty() && !c.builtin)
        {
            return Some(vec![]);
        }
        let types = doc.resource_types().unwrap_or_default();
        let read = |t: &str| {
            applying
                .iter()
                .any(|c| c.resource_types.iter().any(|r| r == t))
        };
        // An object whose pod spec is read is read, whatever its kind; the
        // pod-spec marker itself is never listed as a type.
        if types.contains(POD_SPEC_TYPE) && read(POD_SPEC_TYPE) {
            return Some(vec![]);
        }
        let mut unread: Vec<&str> = types
            .into_iter()
            .filter(|t| *t != POD_SPEC_TYPE && !TERRAFORM_BLOCK_TYPES.contains(t) && !read(t))
            .collect();
        unread.sort_unstable();
        Some(unread)
    }

    /// The resource types used to skip controls, unless `--evaluate-all`.
    fn types<'d>(&self, doc: &'d Document) -> Option<HashSet<&'d str>> {
        if self.opts.evaluate_all {
            None
        } else {
            doc.resource_types()
        }
    }
}

/// A worker per pool thread. Why not rayon's `map_init`: it makes a worker
/// per job, not per thread (32 on a 2-core scan), and each worker clones
/// the engines of the controls it runs, so engines were cloned and their
/// caches warmed about 16 times over.
pub struct Workers<'a>(Vec<Mutex<Worker<'a>>>);

impl<'a> Workers<'a> {
    /// Run `f` with the calling thread's worker. Each pool thread only
    /// ever takes its own, so the lock is never contended.
    pub fn with<R>(&self, f: impl FnOnce(&mut Worker<'a>) -> R) -> R {
        let i = rayon::current_thread_index().unwrap_or(0) % self.0.len().max(1);
        let mut worker = self.0[i].lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut worker)
    }
}

/// Which controls a call of [`Worker::evaluate`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Those that judge a document alone, while inputs are still parsed.
    Alone,
    /// Those that read the inventory, once every input is parsed.
    Across,
}

impl Stage {
    fn includes(self, c: &Control) -> bool {
        match self {
            Stage::Alone => !c.cross_input,
            Stage::Across => c.cross_input,
        }
    }
}

fn compile_program(
    policy: &regorus::CompiledPolicy,
    paths: &[String],
) -> Result<Arc<Program>, String> {
    let entry: Vec<&str> = paths.iter().map(String::as_str).collect();
    Compiler::compile_from_policy(policy, &entry).map_err(|e| e.to_string())
}

fn timer(limit: Duration) -> ExecutionTimerConfig {
    ExecutionTimerConfig {
        limit,
        check_interval: NonZeroU32::MIN.saturating_add(63),
    }
}
