//! The engine each control is evaluated in: only the modules it needs, its
//! entry rule, and the data documents.
//!
//! Why not one engine with every policy: regorus walks every loaded module
//! on each `data.` lookup it has not cached yet, and each evaluation starts
//! with an empty cache. With the built-in library (about 130 modules) that
//! walk, and the allocations it makes, cost more than the policies' own
//! work. A control's engine holds its package, the library packages it
//! imports (see [`crate::controls::deps`]) and its entry rule (see
//! [`super::entry`]): a handful of modules.

use super::entry;
use crate::controls::metadata::package_of;
use crate::controls::{add_policy, ControlSet, PolicySource};
use regorus::Engine;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// The library modules controls share, parsed once: each control's engine
/// starts as a copy of the one holding its libraries, and regorus shares
/// parsed modules between copies of an engine. Parsed apart for every
/// control, the libraries' syntax trees (regorus holds about 40 bytes per
/// byte of Rego) took 4 MB more with the built-in library. What each
/// engine still holds alone is its analysis (schedules, loop tables) of
/// every module in it: regorus has no way to share that.
#[derive(Default)]
pub struct Libraries(Mutex<HashMap<Vec<usize>, Engine>>);

impl Libraries {
    /// A fresh engine holding the library modules `modules` (indexes into
    /// the sources), parsed the first time they are asked for.
    fn engine(&self, set: &ControlSet, modules: Vec<usize>) -> Result<Engine, String> {
        let mut parsed = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(engine) = parsed.get(&modules) {
            return Ok(engine.clone());
        }
        let mut engine = Engine::new();
        for &m in &modules {
            add_policy(&mut engine, source(set, m)?).map_err(|e| e.to_string())?;
        }
        parsed.insert(modules, engine.clone());
        Ok(engine)
    }
}

fn source(set: &ControlSet, m: usize) -> Result<&PolicySource, String> {
    set.sources
        .get(m)
        .ok_or_else(|| format!("no policy source {m}"))
}

/// Build and prepare the engine for control `index`.
pub fn build(
    set: &ControlSet,
    libraries: &Libraries,
    index: usize,
    timeout: Duration,
) -> Result<Engine, String> {
    let control = &set.controls[index];
    // The control's own package, apart from the libraries it reads.
    let (own, libs): (Vec<usize>, Vec<usize>) = control.modules.iter().partition(|&&m| {
        set.sources
            .get(m)
            .and_then(|s| package_of(&s.text))
            .is_some_and(|(package, _)| package == control.package)
    });
    let mut engine = libraries.engine(set, libs)?;
    for m in own {
        add_policy(&mut engine, source(set, m)?).map_err(|e| e.to_string())?;
    }
    engine
        .add_policy(format!("<entry of {}>", control.id), entry::module(control))
        .map_err(|e| e.to_string())?;
    for data in &set.data {
        engine.add_data(data.clone()).map_err(|e| e.to_string())?;
    }
    if !control.builtin {
        super::guards::install(&mut engine).map_err(|e| e.to_string())?;
    }
    configure(&mut engine, timeout);
    // Prepare (schedule, hoist loops) here once, not in every worker.
    engine.set_input(regorus::Value::new_object());
    engine
        .eval_query("true".to_owned(), false)
        .map_err(|e| e.to_string())?;
    Ok(engine)
}

/// An engine holding every policy and the data: where a control whose own
/// engine could not be built runs, rule by rule. Built from the sources
/// when first needed: the one the controls were compiled in is not kept
/// through a scan (about 19 MB with the built-in library).
pub fn build_all(set: &ControlSet, timeout: Duration) -> Result<Engine, String> {
    let mut engine = Engine::new();
    for source in &set.sources {
        add_policy(&mut engine, source).map_err(|e| e.to_string())?;
    }
    for data in &set.data {
        engine.add_data(data.clone()).map_err(|e| e.to_string())?;
    }
    configure(&mut engine, timeout);
    // It holds every policy, the user's too. Installing can only fail on a
    // name already taken, which a fresh engine has not.
    let _ = super::guards::install(&mut engine);
    Ok(engine)
}

/// An engine holding only the data documents, merged as regorus merges
/// them: what the scan's data is read from once policies are compiled.
pub fn data_only(set: &ControlSet) -> Result<Engine, String> {
    let mut engine = Engine::new();
    for data in &set.data {
        engine.add_data(data.clone()).map_err(|e| e.to_string())?;
    }
    Ok(engine)
}

/// Settings every evaluation engine shares.
pub fn configure(engine: &mut Engine, timeout: Duration) {
    engine.set_execution_timer_config(super::timer(timeout));
    // As OPA and conftest do by default, and as the VM does: a builtin
    // given the wrong type makes its expression undefined, not an error.
    engine.set_strict_builtin_errors(false);
}
