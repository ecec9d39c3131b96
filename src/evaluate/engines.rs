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
use crate::controls::{add_policy, ControlSet};
use regorus::Engine;
use std::time::Duration;

/// Build and prepare the engine for control `index`.
pub fn build(set: &ControlSet, index: usize, timeout: Duration) -> Result<Engine, String> {
    let control = &set.controls[index];
    let mut engine = Engine::new();
    for &m in &control.modules {
        let source = set
            .sources
            .get(m)
            .ok_or_else(|| format!("no policy source {m}"))?;
        add_policy(&mut engine, source).map_err(|e| e.to_string())?;
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

/// Settings every evaluation engine shares.
pub fn configure(engine: &mut Engine, timeout: Duration) {
    engine.set_execution_timer_config(super::timer(timeout));
    // As OPA and conftest do by default, and as the VM does: a builtin
    // given the wrong type makes its expression undefined, not an error.
    engine.set_strict_builtin_errors(false);
}
