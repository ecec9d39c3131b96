//! Guards on the builtins that build a huge value from a small argument,
//! for engines running policies assure did not write.
//!
//! `numbers.range(1, 1e9)`, `net.cidr_expand("0.0.0.0/0")` and
//! `sprintf("%2000000000d", [1])` each allocate gigabytes inside one call,
//! before the time limit is checked, and a single allocation that large can
//! abort the process instead of failing. The process-wide memory limit (see
//! [`super::limit_memory`]) ends most runaways; these guards refuse the
//! arguments that would make one allocation of that size, with an error
//! for that control and document. Calls within the bounds are passed to
//! regorus's own builtin unchanged (through a small engine of their own),
//! so results are exactly the builtin's.
//!
//! The built-in library never calls these with unbounded arguments and
//! runs unguarded, at full speed.

use anyhow::{bail, Result};
use regorus::{Engine, Value};
use std::cell::RefCell;

/// Most elements `numbers.range`/`numbers.range_step` may produce.
pub const MAX_RANGE_ELEMENTS: f64 = 1_000_000.0;

/// Most addresses `net.cidr_expand` may produce (a /16 of IPv4).
pub const MAX_CIDR_HOST_BITS: u32 = 16;

/// Largest width or precision in a `sprintf` format.
pub const MAX_FORMAT_WIDTH: u64 = 100_000;

const DELEGATE: &str = "package __assure_guarded\n\nrange := numbers.range(input[0], input[1])\n\nrange_step := numbers.range_step(input[0], input[1], input[2])\n\ncidr_expand := net.cidr_expand(input[0])\n\nsprintf := sprintf(input[0], input[1])\n";

thread_local! {
    /// The engine that runs the real builtins, one per thread.
    static REAL: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Install the guards in an engine.
pub fn install(engine: &mut Engine) -> Result<()> {
    engine.add_extension(
        "numbers.range".into(),
        2,
        Box::new(|args: Vec<Value>| {
            check_count(&args[0], &args[1], None)?;
            real("range", args)
        }),
    )?;
    engine.add_extension(
        "numbers.range_step".into(),
        3,
        Box::new(|args: Vec<Value>| {
            check_count(&args[0], &args[1], Some(&args[2]))?;
            real("range_step", args)
        }),
    )?;
    engine.add_extension(
        "net.cidr_expand".into(),
        1,
        Box::new(|args: Vec<Value>| {
            check_cidr(&args[0])?;
            real("cidr_expand", args)
        }),
    )?;
    engine.add_extension(
        "sprintf".into(),
        2,
        Box::new(|args: Vec<Value>| {
            check_format(&args[0])?;
            real("sprintf", args)
        }),
    )?;
    Ok(())
}

/// Call the real builtin through this thread's delegate engine.
fn real(rule: &str, args: Vec<Value>) -> Result<Value> {
    REAL.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let mut e = Engine::new();
            e.add_policy("<guarded builtins>".into(), DELEGATE.into())?;
            e.set_strict_builtin_errors(false);
            *slot = Some(e);
        }
        let Some(engine) = slot.as_mut() else {
            bail!("guarded builtin engine unavailable");
        };
        engine.set_input(Value::from(args));
        engine.eval_rule(format!("data.__assure_guarded.{rule}"))
    })
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn check_count(from: &Value, to: &Value, step: Option<&Value>) -> Result<()> {
    let (Some(a), Some(b)) = (number(from), number(to)) else {
        return Ok(()); // the builtin itself rejects or ignores these
    };
    let step = step.and_then(number).map_or(1.0, f64::abs);
    let elements = ((b - a).abs() / step.max(f64::MIN_POSITIVE)).floor() + 1.0;
    // NaN (an infinite span) is refused too.
    if elements.is_nan() || elements > MAX_RANGE_ELEMENTS {
        bail!(
            "numbers.range would make {elements:.0} elements, over assure's limit of {MAX_RANGE_ELEMENTS:.0}"
        );
    }
    Ok(())
}

fn check_cidr(cidr: &Value) -> Result<()> {
    let Value::String(s) = cidr else {
        return Ok(());
    };
    let Some((addr, len)) = s.split_once('/') else {
        return Ok(());
    };
    let Ok(len) = len.trim().parse::<u32>() else {
        return Ok(());
    };
    let bits = if addr.contains(':') { 128 } else { 32 };
    let host_bits = bits - len.min(bits);
    if host_bits > MAX_CIDR_HOST_BITS {
        bail!(
            "net.cidr_expand(\"{s}\") would list 2^{host_bits} addresses, over assure's limit of 2^{MAX_CIDR_HOST_BITS}"
        );
    }
    Ok(())
}

/// Refuse a width or precision (`%500d`, `%.9f`) over the limit.
fn check_format(format: &Value) -> Result<()> {
    let Value::String(s) = format else {
        return Ok(());
    };
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            continue;
        }
        while chars.peek().is_some_and(|c| "-+# 0".contains(*c)) {
            chars.next();
        }
        for _ in 0..2 {
            let mut n: u64 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            if n > MAX_FORMAT_WIDTH {
                bail!(
                    "sprintf width or precision {n} is over assure's limit of {MAX_FORMAT_WIDTH}"
                );
            }
            if chars.peek() == Some(&'.') {
                chars.next();
            } else {
                break;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guarded(policy: &str) -> Engine {
        let mut e = Engine::new();
        e.add_policy("p.rego".into(), policy.into()).unwrap();
        install(&mut e).unwrap();
        e
    }

    #[test]
    fn bounded_calls_give_the_builtins_own_results() {
        let p = "package p\n\nr := numbers.range(1, 5)\ns := numbers.range_step(10, 0, 5)\nc := net.cidr_expand(\"10.0.0.0/30\")\nf := sprintf(\"%5s|%.2f|%d%%\", [\"ab\", 3.14159, 7])\n";
        let mut plain = Engine::new();
        plain.add_policy("p.rego".into(), p.into()).unwrap();
        let mut g = guarded(p);
        for rule in ["r", "s", "c", "f"] {
            let path = format!("data.p.{rule}");
            assert_eq!(
                g.eval_rule(path.clone()).unwrap(),
                plain.eval_rule(path).unwrap(),
                "{rule}"
            );
        }
    }

    #[test]
    fn huge_calls_are_errors() {
        for (rule, needle) in [
            ("numbers.range(1, 1000000000)", "numbers.range"),
            ("numbers.range_step(0, 1e12, 2)", "numbers.range"),
            ("net.cidr_expand(\"0.0.0.0/0\")", "cidr_expand"),
            ("net.cidr_expand(\"::/64\")", "cidr_expand"),
            ("sprintf(\"%2000000000d\", [1])", "sprintf"),
            ("sprintf(\"%.900000f\", [1])", "sprintf"),
        ] {
            let mut g = guarded(&format!("package p\n\nx := {rule}\n"));
            let err = g.eval_rule("data.p.x".into()).unwrap_err().to_string();
            assert!(
                err.contains(needle) && err.contains("limit"),
                "{rule}: {err}"
            );
        }
    }
}
