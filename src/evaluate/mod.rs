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
//! (see [`crate::pipeline`]).
//!
//! Interpreter or VM: regorus offers both; see [`EngineMode`] for why the
//! interpreter is the default.

mod engines;
mod entry;

use crate::controls::{Control, ControlSet};
use crate::inputs::Document;
use crate::results::RawEval;
use rayon::prelude::*;
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::rvm::vm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::num::NonZeroU32;
use std::panic::{catch_unwind, AssertUnwindSafe};
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
    data: regorus::Value,
    opts: EvalOptions,
    /// Controls the VM could not compile, and why (they run on the
    /// interpreter).
    vm_fallbacks: Vec<(String, String)>,
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
    /// builtins are errors in every mode, found here and not mid-scan.
    pub fn new(
        set: ControlSet,
        opts: EvalOptions,
    ) -> Result<Evaluator, Vec<crate::controls::PolicyError>> {
        let mut runners = Vec::with_capacity(set.controls.len());
        let mut fallbacks = Vec::new();
        let mut errors = Vec::new();
        let mut engine = set.engine.clone();
        // Analyse the modules once (loop hoisting over every module is most
        // of the cost) and compile each control's RVM program from that:
        // compiling from the engine per control took about 0.1 s of start-up
        // with 61 controls.
        let first = set.controls.iter().flat_map(rule_paths).next();
        let policy = first.map(|rule| {
            engine
                .compile_with_entrypoint(&rule.as_str().into())
                .map_err(|e| e.to_string())
        });
        for c in &set.controls {
            let paths = rule_paths(c);
            let program = match &policy {
                Some(Ok(p)) => compile_program(p, &paths),
                Some(Err(e)) => Err(e.clone()),
                None => Err("no rules".to_owned()),
            };
            let interpreter = || Runner::Own(Box::default());
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
        let data = set.engine.get_data();
        Ok(Evaluator {
            set,
            runners,
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

    /// Merge a data document (the scan's inventory) into what the controls
    /// see. Call it before any worker runs a control that reads it: engines
    /// already built keep the data they were built with.
    pub fn add_data(
        &mut self,
        data: serde_json::Value,
    ) -> Result<(), crate::controls::PolicyError> {
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

    /// The resource types used to skip controls, unless `--evaluate-all`.
    fn types<'d>(&self, doc: &'d Document) -> Option<HashSet<&'d str>> {
        if self.opts.evaluate_all {
            None
        } else {
            doc.resource_types()
        }
    }

    /// Evaluate every applicable control on every document (the scan
    /// streams documents through [`Worker::evaluate_batch`] instead). The result has
    /// one entry per (control index, document index) pair evaluated.
    pub fn evaluate(&self, docs: &[Document]) -> Vec<(usize, usize, RawEval)> {
        let workers = self.workers();
        let mut out: Vec<(usize, usize, RawEval)> = docs
            .par_iter()
            .enumerate()
            .map(|(di, doc)| {
                workers.with(|w| {
                    w.evaluate(doc, Stage::All)
                        .into_iter()
                        .map(|(ci, raw)| (ci, di, raw))
                        .collect::<Vec<_>>()
                })
            })
            .flatten()
            .collect();
        out.sort_by_key(|(ci, di, _)| (*ci, *di));
        out
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
    All,
    /// Those that judge a document alone, while inputs are still parsed.
    Alone,
    /// Those that read the inventory, once every input is parsed.
    Across,
}

impl Stage {
    fn includes(self, c: &Control) -> bool {
        match self {
            Stage::All => true,
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

/// One worker thread's engines, reused for every document it evaluates.
pub struct Worker<'a> {
    ev: &'a Evaluator,
    /// Clones of the controls' own engines, made when first needed.
    own: HashMap<usize, regorus::Engine>,
    /// A clone of the engine holding every policy, if any control needs it.
    shared: Option<regorus::Engine>,
    vms: HashMap<usize, RegoVM>,
}

impl<'a> Worker<'a> {
    fn new(ev: &'a Evaluator) -> Self {
        Worker {
            ev,
            own: HashMap::new(),
            shared: None,
            vms: HashMap::new(),
        }
    }

    /// Evaluate the stage's controls that apply to a document, each under
    /// the time limit, in control order.
    pub fn evaluate(&mut self, doc: &Document, stage: Stage) -> Vec<(usize, RawEval)> {
        self.evaluate_batch(&[doc], stage)
            .into_iter()
            .map(|(_, ci, raw)| (ci, raw))
            .collect()
    }

    /// Evaluate the stage's controls that apply to each of a batch of
    /// documents: `(document index in the batch, control index, result)`,
    /// control by control, each control's in document order.
    ///
    /// Control by control, not document by document, so that each
    /// control's engine stays in the processor's caches while it runs on
    /// the batch instead of being evicted by the 60 others between uses
    /// (measured: 7% less CPU on the 10,000-file corpus). Each document is
    /// converted to a regorus value once and shared by every control.
    pub fn evaluate_batch(
        &mut self,
        docs: &[&Document],
        stage: Stage,
    ) -> Vec<(usize, usize, RawEval)> {
        let ev = self.ev;
        // Skip controls that examine none of a document's resource types:
        // they would report nothing for it.
        let types: Vec<_> = docs.iter().map(|d| ev.types(d)).collect();
        let mut inputs: Vec<Option<regorus::Value>> = vec![None; docs.len()];
        let mut out = Vec::new();
        for (ci, c) in ev.set.controls.iter().enumerate() {
            if !stage.includes(c) {
                continue;
            }
            for (di, doc) in docs.iter().enumerate() {
                if c.applies_to(doc.kind) && c.examines(types[di].as_ref()) {
                    let input =
                        inputs[di].get_or_insert_with(|| regorus::Value::from(doc.value.clone()));
                    out.push((di, ci, self.run(ci, input)));
                }
            }
        }
        out
    }

    /// Evaluate one control on one input. A panic inside the engine is
    /// caught and becomes an error for this pair; the engines are rebuilt.
    fn run(&mut self, ci: usize, input: &regorus::Value) -> RawEval {
        let control = &self.ev.set.controls[ci];
        let result = catch_unwind(AssertUnwindSafe(|| match &self.ev.runners[ci] {
            Runner::Own(cell) => {
                let ev = self.ev;
                let built = cell.get_or_init(|| engines::build(&ev.set, ci, ev.opts.timeout));
                match built {
                    Ok(prototype) => {
                        let engine = self.own.entry(ci).or_insert_with(|| prototype.clone());
                        run_entry(engine, control, input)
                    }
                    Err(_) => run_rules(self.shared(), control, input),
                }
            }
            Runner::Vm(program) => {
                let program = program.clone();
                self.run_vm(ci, control, program, input)
            }
        }));
        match result {
            Ok(raw) => raw,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_else(|| "unknown panic".to_owned());
                *self = Worker::new(self.ev);
                RawEval {
                    error: Some(format!("policy evaluation crashed: {what}")),
                    ..RawEval::default()
                }
            }
        }
    }

    /// This worker's clone of the engine holding every policy.
    fn shared(&mut self) -> &mut regorus::Engine {
        let ev = self.ev;
        self.shared.get_or_insert_with(|| {
            let mut engine = ev.set.engine.clone();
            engines::configure(&mut engine, ev.opts.timeout);
            engine
        })
    }

    fn run_vm(
        &mut self,
        ci: usize,
        control: &Control,
        program: Arc<Program>,
        input: &regorus::Value,
    ) -> RawEval {
        let timeout = self.ev.opts.timeout;
        let data = &self.ev.data;
        let vm = self.vms.entry(ci).or_insert_with(|| {
            let mut vm = RegoVM::new();
            vm.load_program(program);
            // The time limit bounds a runaway policy; the default instruction
            // budget (25,000) is far too small for real inputs.
            vm.set_max_instructions(usize::MAX);
            vm.set_execution_timer_config(Some(timer(timeout)));
            let _ = vm.set_data(data.clone());
            vm
        });
        vm.set_input(input.clone());
        collect(control, |path| {
            vm.execute_entry_point_by_name(path)
                .map_err(|e| e.to_string())
        })
    }
}

/// Evaluate a control through its entry rule: one interpreter pass.
fn run_entry(engine: &mut regorus::Engine, control: &Control, input: &regorus::Value) -> RawEval {
    engine.set_input(input.clone());
    let mut values = match engine.eval_rule(entry::PATH.to_owned()) {
        Ok(v) => entry::split(v).into_iter(),
        Err(e) => return failed(e.to_string()),
    };
    collect(control, |_| {
        Ok(values.next().unwrap_or(regorus::Value::Undefined))
    })
}

/// Evaluate a control rule by rule.
fn run_rules(engine: &mut regorus::Engine, control: &Control, input: &regorus::Value) -> RawEval {
    engine.set_input(input.clone());
    collect(control, |path| {
        engine.eval_rule(path.to_owned()).map_err(|e| e.to_string())
    })
}

fn timer(limit: Duration) -> ExecutionTimerConfig {
    ExecutionTimerConfig {
        limit,
        check_interval: NonZeroU32::MIN.saturating_add(63),
    }
}

/// Evaluate a control's rules through `eval` and gather what they give.
fn collect(
    control: &Control,
    mut eval: impl FnMut(&str) -> Result<regorus::Value, String>,
) -> RawEval {
    let mut raw = RawEval::default();
    let pkg = &control.package;
    let mut run = |rule: &str| -> Result<Vec<serde_json::Value>, String> {
        let v = eval(&format!("data.{pkg}.{rule}")).map_err(|e| clean_error(&e))?;
        Ok(items(v))
    };
    let result: Result<(), String> = (|| {
        for rule in &control.rules.deny {
            raw.deny
                .extend(run(rule)?.into_iter().map(|v| (rule.clone(), v)));
        }
        for rule in &control.rules.warn {
            raw.warn
                .extend(run(rule)?.into_iter().map(|v| (rule.clone(), v)));
        }
        if control.rules.resources {
            let mut ids: Vec<String> = run("resources")?
                .into_iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                })
                .collect();
            ids.sort();
            ids.dedup();
            raw.resources = Some(ids);
        }
        if control.rules.exception {
            let mut names = BTreeSet::new();
            for v in run("exception")? {
                match v {
                    serde_json::Value::Array(list) => names.extend(
                        list.into_iter()
                            .filter_map(|x| x.as_str().map(str::to_owned)),
                    ),
                    serde_json::Value::String(s) => {
                        names.insert(s);
                    }
                    _ => {}
                }
            }
            raw.exceptions = names;
        }
        Ok(())
    })();
    if let Err(e) = result {
        return failed(e);
    }
    raw
}

/// The result of a control that could not be evaluated on a document.
fn failed(error: String) -> RawEval {
    RawEval {
        error: Some(clean_error(&error)),
        ..RawEval::default()
    }
}

/// The elements of a rule's value: a set or array gives its items, an
/// undefined rule nothing, anything else itself.
fn items(v: regorus::Value) -> Vec<serde_json::Value> {
    match v {
        regorus::Value::Undefined | regorus::Value::Null => vec![],
        regorus::Value::Set(s) => s.iter().map(to_json).collect(),
        regorus::Value::Array(a) => a.iter().map(to_json).collect(),
        regorus::Value::Bool(false) => vec![],
        other => vec![to_json(&other)],
    }
}

fn to_json(v: &regorus::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Keep a regorus run-time error to its location and message.
fn clean_error(e: &str) -> String {
    let (loc, msg) = crate::controls::regorus_parts(e);
    match loc {
        Some(l) => format!("{l}: {msg}"),
        None => msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::{compile, CompileOptions, PolicySource};
    use crate::frameworks::default_objectives;
    use crate::inputs::structured::parse_yaml;

    fn evaluator(
        policies: &[(&str, &str)],
        mode: EngineMode,
        timeout: Duration,
    ) -> Result<Evaluator, Vec<crate::controls::PolicyError>> {
        let objectives = default_objectives();
        let sources: Vec<PolicySource> = policies
            .iter()
            .map(|(l, t)| PolicySource {
                label: (*l).into(),
                text: (*t).into(),
            })
            .collect();
        let set = compile(
            &sources,
            &CompileOptions {
                objectives: &objectives,
                data: vec![],
            },
        )?;
        Evaluator::new(
            set,
            EvalOptions {
                timeout,
                mode,
                evaluate_all: false,
            },
        )
    }

    const PRIVILEGED: &str = "# METADATA\n# title: No privileged containers\n# custom:\n#   id: k8s-privileged\n#   severity: high\n#   soc2: [CC6.1]\n#   inputs: [kubernetes]\npackage assure.k8s.privileged\n\nresources contains r if {\n  some c in input.spec.containers\n  r := sprintf(\"%s/%s/container:%s\", [input.kind, input.metadata.name, c.name])\n}\n\ndeny contains {\"msg\": msg, \"resource\": r, \"attribute\": \"securityContext.privileged\"} if {\n  some c in input.spec.containers\n  c.securityContext.privileged == true\n  r := sprintf(\"%s/%s/container:%s\", [input.kind, input.metadata.name, c.name])\n  msg := sprintf(\"container %s runs privileged\", [c.name])\n}\n";

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: ok\n    image: a\n  - name: bad\n    image: b\n    securityContext:\n      privileged: true\n";

    #[test]
    fn interpreter_and_vm_agree() {
        let docs = parse_yaml("pod.yaml", POD).documents;
        let mut outputs = Vec::new();
        for mode in [EngineMode::Interpreter, EngineMode::Vm] {
            let ev = evaluator(&[("p.rego", PRIVILEGED)], mode, Duration::from_secs(5)).unwrap();
            let out = ev.evaluate(&docs);
            assert_eq!(out.len(), 1);
            let raw = &out[0].2;
            assert!(raw.error.is_none(), "{:?}", raw.error);
            assert_eq!(raw.resources.as_ref().map(Vec::len), Some(2));
            assert_eq!(raw.deny.len(), 1);
            outputs.push(format!("{:?}", (&raw.deny, &raw.resources)));
        }
        assert_eq!(outputs[0], outputs[1]);
    }

    #[test]
    fn cross_input_controls_wait_for_the_inventory() {
        let across = "package across\n\ndeny contains input.metadata.name if {\n  not data.inventory.kubernetes_by_namespace.default.NetworkPolicy\n}\n";
        let alone = "package alone\n\ndeny contains \"seen\" if input.kind\n";
        let mut ev = evaluator(
            &[("across.rego", across), ("alone.rego", alone)],
            EngineMode::default(),
            Duration::from_secs(5),
        )
        .unwrap();
        let ids: Vec<(&str, bool)> = ev
            .controls()
            .iter()
            .map(|c| (c.id.as_str(), c.cross_input))
            .collect();
        assert_eq!(ids, [("across", true), ("alone", false)]);
        let docs = parse_yaml("pod.yaml", POD).documents;
        assert!(ev.defers(&docs[0]));
        let mut worker = ev.worker();
        let now: Vec<usize> = worker
            .evaluate(&docs[0], Stage::Alone)
            .into_iter()
            .map(|(ci, _)| ci)
            .collect();
        assert_eq!(now, [1]);
        // Before the inventory arrives the namespace has no policy.
        let early = worker.evaluate(&docs[0], Stage::Across);
        assert_eq!(early[0].1.deny.len(), 1);
        drop(worker);
        let policy =
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n";
        let all = [docs, parse_yaml("np.yaml", policy).documents].concat();
        ev.add_data(crate::inputs::inventory::inventory(&all))
            .unwrap();
        let later = ev.worker().evaluate(&all[0], Stage::Across);
        assert_eq!(later.len(), 1);
        assert!(later[0].1.deny.is_empty(), "{:?}", later[0].1);
    }

    #[test]
    fn controls_only_run_on_their_input_kinds() {
        let docs = parse_yaml("x.yaml", "a: 1\n").documents;
        let ev = evaluator(
            &[("p.rego", PRIVILEGED)],
            EngineMode::default(),
            Duration::from_secs(5),
        )
        .unwrap();
        assert!(ev.evaluate(&docs).is_empty());
    }

    #[test]
    fn a_runaway_policy_times_out_and_others_complete() {
        let runaway = "package runaway\n\ndeny contains x if {\n  some i in numbers.range(1, 20000)\n  some j in numbers.range(1, 20000)\n  x := i * j\n  x < 0\n}\n";
        let fine = "package fine\n\ndeny contains \"always\" if true\n";
        for mode in [EngineMode::Interpreter, EngineMode::Vm] {
            let ev = evaluator(
                &[("r.rego", runaway), ("f.rego", fine)],
                mode,
                Duration::from_millis(300),
            )
            .unwrap();
            let docs = parse_yaml("x.yaml", "a: 1\n").documents;
            let start = std::time::Instant::now();
            let out = ev.evaluate(&docs);
            assert!(start.elapsed() < Duration::from_secs(10));
            let by_id: HashMap<&str, &RawEval> = out
                .iter()
                .map(|(ci, _, r)| (ev.controls()[*ci].id.as_str(), r))
                .collect();
            assert!(
                by_id["runaway"]
                    .error
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains("time"),
                "{:?}",
                by_id["runaway"].error
            );
            assert_eq!(by_id["fine"].deny.len(), 1);
        }
    }

    #[test]
    fn default_engine_takes_else_branches_of_functions_that_iterate() {
        // The case regorus 0.14.1's VM gets wrong (see EngineMode).
        let p = "package e\n\nid(stage) := name if {\n  some f in input.items\n  f.s == stage\n  name := f.name\n} else := \"fallback\"\n\ndeny contains msg if {\n  some f in input.items\n  msg := id(f.s)\n}\n";
        let ev = evaluator(
            &[("e.rego", p)],
            EngineMode::default(),
            Duration::from_secs(5),
        )
        .unwrap();
        let docs = crate::inputs::structured::parse_json(
            "x.json",
            r#"{"items": [{"s": 0, "name": "one"}, {"s": 1}]}"#,
        )
        .documents;
        let out = ev.evaluate(&docs);
        let mut msgs: Vec<String> = out[0]
            .2
            .deny
            .iter()
            .map(|(_, v)| v.as_str().unwrap_or("").to_owned())
            .collect();
        msgs.sort();
        assert_eq!(msgs, ["fallback", "one"]);
    }

    #[test]
    fn runtime_errors_are_errors_for_that_pair() {
        // Two definitions of a complete rule that disagree: an error in OPA too.
        let p = "package strict\n\nv = input.a\nv = input.b\n\ndeny contains x if {\n  x := v\n}\n";
        let ev = evaluator(
            &[("s.rego", p)],
            EngineMode::Interpreter,
            Duration::from_secs(5),
        )
        .unwrap();
        let docs = parse_yaml("x.yaml", "a: 1\nb: 2\n").documents;
        let out = ev.evaluate(&docs);
        assert!(out[0].2.error.is_some(), "{:?}", out[0].2);
    }

    #[test]
    fn unknown_builtins_fail_at_load() {
        let p = "package n\ndeny contains x if {\n  x := http.send({\"url\": \"http://x\"})\n}\n";
        assert!(evaluator(
            &[("n.rego", p)],
            EngineMode::default(),
            Duration::from_secs(5)
        )
        .is_err());
    }
}
