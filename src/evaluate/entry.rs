//! One generated entry rule per control, so that a control's rules are
//! evaluated in a single interpreter pass.
//!
//! regorus resets its evaluation state on every `eval_rule` call, so
//! evaluating `deny`, then `resources`, then `exception` one by one computes
//! every helper rule they share (`containers`, `resources_of_type`, ...)
//! once per call. The entry rule gathers them in one value instead:
//!
//! ```rego
//! package __assure_entry
//! result := [[v | v := data.assure.k8s.probes.deny], [v | v := data.assure.k8s.probes.resources]]
//! ```
//!
//! Each element is empty when its rule is undefined and holds the rule's
//! value otherwise, so the result is always defined; an error in any rule
//! (a conflict, a time-out) is still the control's error. The elements
//! follow [`super::rule_paths`] order.

use crate::controls::Control;

/// The generated module's package: a leading underscore keeps it out of any
/// name a policy author can clash with by accident.
const PACKAGE: &str = "__assure_entry";

/// The rule path of the entry rule.
pub const PATH: &str = "data.__assure_entry.result";

/// The generated module for a control (alone in its engine).
pub fn module(control: &Control) -> String {
    let parts: Vec<String> = super::rule_paths(control)
        .iter()
        .map(|rule| format!("[v | v := {rule}]"))
        .collect();
    format!("package {PACKAGE}\n\nresult := [{}]\n", parts.join(", "))
}

/// Split an entry rule's value back into the control's rule values, in
/// [`super::rule_paths`] order (`Undefined` for an undefined rule).
pub fn split(value: regorus::Value) -> Vec<regorus::Value> {
    match value {
        regorus::Value::Array(parts) => parts
            .iter()
            .map(|p| match p {
                regorus::Value::Array(one) => {
                    one.first().cloned().unwrap_or(regorus::Value::Undefined)
                }
                _ => regorus::Value::Undefined,
            })
            .collect(),
        _ => vec![],
    }
}
