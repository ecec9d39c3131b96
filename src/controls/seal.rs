//! What nothing a user brings may touch: the built-in library's packages
//! (all under `assure`), the scan inventory (`data.inventory`) and the
//! generated entry rule each control runs through. A user policy declaring
//! a package there could add rules to a built-in control (an `exception`
//! that waives it, a helper that changes what it sees), and a `--data`
//! document there would shadow library rules or the inventory; either
//! would switch a control off with a report that looks clean. Both are
//! refused before anything runs (exit 2), saying why.

use super::PolicyError;
use serde_json::Value;

/// The namespace of the built-in library.
pub const BUILTIN_ROOT: &str = "assure";

/// Where the scan inventory lives under `data`.
pub const INVENTORY_ROOT: &str = "inventory";

/// The prefix of assure's generated packages.
const GENERATED_PREFIX: &str = "__assure";

/// The reserved root a dotted path (a package, or a data key) falls under,
/// if any. `builtins`: whether the built-in library is loaded (without it
/// the `assure` namespace is free).
fn reserved_root(first_segment: &str, builtins: bool) -> Option<&'static str> {
    if first_segment == INVENTORY_ROOT {
        Some("the scan inventory (data.inventory)")
    } else if first_segment.starts_with(GENERATED_PREFIX) {
        Some("assure's generated rules")
    } else if builtins && first_segment == BUILTIN_ROOT {
        Some("the built-in control library (run with --no-builtin to use it)")
    } else {
        None
    }
}

/// A user policy's package (its path components, as parsed): refused when
/// it falls in a reserved namespace.
pub fn check_package(label: &str, package: &[String], builtins: bool) -> Result<(), PolicyError> {
    let first = package.first().map_or("", String::as_str);
    let package = package.join(".");
    match reserved_root(first, builtins) {
        Some(owner) => Err(PolicyError {
            file: label.to_owned(),
            line: None,
            message: format!(
                "package {package}: the `{first}` namespace belongs to {owner}; a policy there could change what a built-in control decides. Declare your package under another name"
            ),
        }),
        None => Ok(()),
    }
}

/// A `--data` document: refused when one of its top-level keys is reserved.
pub fn check_data(label: &str, data: &Value, builtins: bool) -> Result<(), PolicyError> {
    let Some(object) = data.as_object() else {
        return Ok(());
    };
    for key in object.keys() {
        if let Some(owner) = reserved_root(key, builtins) {
            return Err(PolicyError {
                file: label.to_owned(),
                line: None,
                message: format!(
                    "data under `{key}` would shadow {owner} and could switch a control off; put policy parameters under another key"
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_owned).collect()
    }

    #[test]
    fn reserved_namespaces_are_refused() {
        for (pkg, builtins) in [
            ("assure.aws.s3_public_acl", true),
            ("assure", true),
            ("inventory", false),
            ("inventory.kubernetes", true),
            ("__assure_entry", false),
        ] {
            assert!(
                check_package("x.rego", &path(pkg), builtins).is_err(),
                "{pkg}"
            );
        }
        for (pkg, builtins) in [
            ("main", true),
            ("assure_custom.x", true),
            ("company.assure", true),
            ("assure.mine", false),
        ] {
            assert!(
                check_package("x.rego", &path(pkg), builtins).is_ok(),
                "{pkg}"
            );
        }
        let e = check_data("p.yaml", &json!({"assure": {"lib": {}}}), true).unwrap_err();
        assert_eq!(e.file, "p.yaml");
        assert!(e.message.contains("`assure`"), "{}", e.message);
        assert!(check_data("p.yaml", &json!({"inventory": {}}), false).is_err());
        assert!(check_data("p.yaml", &json!({"params": {"assure": 1}}), true).is_ok());
        assert!(check_data("p.yaml", &json!({"assure": 1}), false).is_ok());
    }
}
