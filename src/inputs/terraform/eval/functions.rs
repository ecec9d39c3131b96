//! Terraform's pure functions that configurations build values with
//! (`merge`, `lookup`, `concat`, `jsonencode`, `format`...), on hcl-rs
//! values. An argument of the wrong type is an error, which leaves the
//! calling expression unknown, as Terraform would refuse it.

use super::{hcl_of, json};
use hcl::eval::{Context, FuncArgs, FuncDef, ParamType};
use serde_json::Value;

/// Every function assure evaluates. Terraform's others leave their
/// expression unknown.
pub(super) fn functions(ctx: &mut Context<'_>) {
    let any = || ParamType::Any;
    let variadic = |f: hcl::eval::Func| FuncDef::builder().variadic_param(any()).build(f);
    let one = |f: hcl::eval::Func| FuncDef::builder().param(any()).build(f);
    let two = |f: hcl::eval::Func| FuncDef::builder().params([any(), any()]).build(f);
    ctx.declare_func("merge", variadic(merge));
    ctx.declare_func("concat", variadic(concat));
    ctx.declare_func("coalesce", variadic(coalesce));
    ctx.declare_func("coalescelist", variadic(coalescelist));
    ctx.declare_func(
        "lookup",
        FuncDef::builder()
            .params([any(), any()])
            .variadic_param(any())
            .build(lookup),
    );
    ctx.declare_func("jsonencode", one(jsonencode));
    ctx.declare_func("jsondecode", one(jsondecode));
    ctx.declare_func("tostring", one(tostring));
    ctx.declare_func("tonumber", one(tonumber));
    ctx.declare_func("tobool", one(tobool));
    ctx.declare_func("tolist", one(tolist));
    ctx.declare_func("toset", one(toset));
    ctx.declare_func("tomap", one(identity));
    ctx.declare_func("length", one(length));
    ctx.declare_func("lower", one(lower));
    ctx.declare_func("upper", one(upper));
    ctx.declare_func("trimspace", one(trimspace));
    ctx.declare_func("base64encode", one(base64encode));
    ctx.declare_func("base64decode", one(base64decode));
    ctx.declare_func("keys", one(keys));
    ctx.declare_func("values", one(values));
    ctx.declare_func("flatten", one(flatten));
    ctx.declare_func("distinct", one(distinct));
    ctx.declare_func("compact", one(compact));
    ctx.declare_func("one", one(one_of));
    ctx.declare_func("join", two(join));
    ctx.declare_func("split", two(split));
    ctx.declare_func("contains", two(contains));
    ctx.declare_func("element", two(element));
    ctx.declare_func("startswith", two(startswith));
    ctx.declare_func("endswith", two(endswith));
    ctx.declare_func("zipmap", two(zipmap));
    ctx.declare_func(
        "replace",
        FuncDef::builder()
            .params([any(), any(), any()])
            .build(replace),
    );
    ctx.declare_func(
        "format",
        FuncDef::builder()
            .param(any())
            .variadic_param(any())
            .build(format),
    );
    ctx.declare_func("min", variadic(min));
    ctx.declare_func("max", variadic(max));
}

/// Terraform's `base64encode`: the UTF-8 bytes of a string, in standard
/// base64 with padding (what a plan shows for `user_data = base64encode(..)`).
fn base64encode(args: FuncArgs) -> Result<hcl::Value, String> {
    use base64::Engine;
    let s = string_of(&args[0])?;
    Ok(hcl::Value::String(
        base64::engine::general_purpose::STANDARD.encode(s.as_bytes()),
    ))
}

/// Terraform's `base64decode`: refused (so unknown) unless the bytes are
/// UTF-8, as Terraform refuses them.
fn base64decode(args: FuncArgs) -> Result<hcl::Value, String> {
    use base64::Engine;
    let s = string_of(&args[0])?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(s.as_bytes())
        .map_err(|e| e.to_string())?;
    String::from_utf8(bytes)
        .map(hcl::Value::String)
        .map_err(|_| "the decoded bytes are not UTF-8".to_owned())
}

fn string_of(v: &hcl::Value) -> Result<String, String> {
    match v {
        hcl::Value::String(s) => Ok(s.clone()),
        hcl::Value::Number(n) => Ok(n.to_string()),
        hcl::Value::Bool(b) => Ok(b.to_string()),
        _ => Err("not a string".into()),
    }
}

fn list_of(v: &hcl::Value) -> Result<Vec<hcl::Value>, String> {
    match v {
        hcl::Value::Array(a) => Ok(a.clone()),
        _ => Err("not a list".into()),
    }
}

fn merge(args: FuncArgs) -> Result<hcl::Value, String> {
    let mut out = hcl::Map::new();
    for a in args.iter() {
        match a {
            hcl::Value::Object(m) => out.extend(m.clone()),
            hcl::Value::Null => {}
            _ => return Err("merge takes objects".into()),
        }
    }
    Ok(hcl::Value::Object(out))
}

fn concat(args: FuncArgs) -> Result<hcl::Value, String> {
    let mut out = Vec::new();
    for a in args.iter() {
        out.extend(list_of(a)?);
    }
    Ok(hcl::Value::Array(out))
}

fn coalesce(args: FuncArgs) -> Result<hcl::Value, String> {
    args.iter()
        .find(|a| {
            !matches!(a, hcl::Value::Null) && !matches!(a, hcl::Value::String(s) if s.is_empty())
        })
        .cloned()
        .ok_or_else(|| "no non-null argument".into())
}

fn coalescelist(args: FuncArgs) -> Result<hcl::Value, String> {
    args.iter()
        .find(|a| matches!(a, hcl::Value::Array(x) if !x.is_empty()))
        .cloned()
        .ok_or_else(|| "no non-empty list".into())
}

fn lookup(args: FuncArgs) -> Result<hcl::Value, String> {
    let key = string_of(&args[1])?;
    match &args[0] {
        hcl::Value::Object(m) => match m.get(&key) {
            Some(v) => Ok(v.clone()),
            None => args.get(2).cloned().ok_or_else(|| format!("no key {key}")),
        },
        _ => Err("lookup takes an object".into()),
    }
}

fn jsonencode(args: FuncArgs) -> Result<hcl::Value, String> {
    serde_json::to_string(&json(&args[0]))
        .map(hcl::Value::String)
        .map_err(|e| e.to_string())
}

fn jsondecode(args: FuncArgs) -> Result<hcl::Value, String> {
    let s = string_of(&args[0])?;
    let v: Value = serde_json::from_str(&s).map_err(|e| e.to_string())?;
    hcl_of(&v)
}

fn tostring(args: FuncArgs) -> Result<hcl::Value, String> {
    string_of(&args[0]).map(hcl::Value::String)
}

fn tonumber(args: FuncArgs) -> Result<hcl::Value, String> {
    match &args[0] {
        hcl::Value::Number(_) => Ok(args[0].clone()),
        hcl::Value::String(s) => {
            let v: Value = serde_json::from_str(s.trim()).map_err(|e| e.to_string())?;
            if v.is_number() {
                hcl_of(&v)
            } else {
                Err("not a number".into())
            }
        }
        _ => Err("not a number".into()),
    }
}

fn tobool(args: FuncArgs) -> Result<hcl::Value, String> {
    match &args[0] {
        hcl::Value::Bool(_) => Ok(args[0].clone()),
        hcl::Value::String(s) if s == "true" || s == "false" => Ok(hcl::Value::Bool(s == "true")),
        _ => Err("not a bool".into()),
    }
}

fn tolist(args: FuncArgs) -> Result<hcl::Value, String> {
    list_of(&args[0]).map(hcl::Value::Array)
}

fn toset(args: FuncArgs) -> Result<hcl::Value, String> {
    let mut items = list_of(&args[0])?;
    let mut seen = Vec::new();
    items.retain(|v| {
        let new = !seen.contains(v);
        if new {
            seen.push(v.clone());
        }
        new
    });
    Ok(hcl::Value::Array(items))
}

fn identity(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(args[0].clone())
}

fn length(args: FuncArgs) -> Result<hcl::Value, String> {
    let n = match &args[0] {
        hcl::Value::Array(a) => a.len(),
        hcl::Value::Object(m) => m.len(),
        hcl::Value::String(s) => s.chars().count(),
        _ => return Err("length of what?".into()),
    };
    Ok(hcl::Value::from(n as u64))
}

fn lower(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(string_of(&args[0])?.to_lowercase()))
}

fn upper(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(string_of(&args[0])?.to_uppercase()))
}

fn trimspace(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::String(string_of(&args[0])?.trim().to_owned()))
}

fn keys(args: FuncArgs) -> Result<hcl::Value, String> {
    match &args[0] {
        hcl::Value::Object(m) => Ok(hcl::Value::Array(
            m.keys().map(|k| hcl::Value::String(k.clone())).collect(),
        )),
        _ => Err("keys of an object".into()),
    }
}

fn values(args: FuncArgs) -> Result<hcl::Value, String> {
    match &args[0] {
        hcl::Value::Object(m) => Ok(hcl::Value::Array(m.values().cloned().collect())),
        _ => Err("values of an object".into()),
    }
}

fn flatten(args: FuncArgs) -> Result<hcl::Value, String> {
    fn walk(v: &hcl::Value, out: &mut Vec<hcl::Value>) {
        match v {
            hcl::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            other => out.push(other.clone()),
        }
    }
    let mut out = Vec::new();
    for v in list_of(&args[0])? {
        walk(&v, &mut out);
    }
    Ok(hcl::Value::Array(out))
}

fn distinct(args: FuncArgs) -> Result<hcl::Value, String> {
    toset(args)
}

fn compact(args: FuncArgs) -> Result<hcl::Value, String> {
    let items = list_of(&args[0])?
        .into_iter()
        .filter(|v| {
            !matches!(v, hcl::Value::Null) && !matches!(v, hcl::Value::String(s) if s.is_empty())
        })
        .collect();
    Ok(hcl::Value::Array(items))
}

fn one_of(args: FuncArgs) -> Result<hcl::Value, String> {
    let items = list_of(&args[0])?;
    match items.len() {
        0 => Ok(hcl::Value::Null),
        1 => Ok(items[0].clone()),
        _ => Err("more than one element".into()),
    }
}

fn join(args: FuncArgs) -> Result<hcl::Value, String> {
    let sep = string_of(&args[0])?;
    let parts = list_of(&args[1])?
        .iter()
        .map(string_of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(hcl::Value::String(parts.join(&sep)))
}

fn split(args: FuncArgs) -> Result<hcl::Value, String> {
    let sep = string_of(&args[0])?;
    let s = string_of(&args[1])?;
    Ok(hcl::Value::Array(
        s.split(sep.as_str())
            .map(|p| hcl::Value::String(p.to_owned()))
            .collect(),
    ))
}

fn contains(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::Bool(list_of(&args[0])?.contains(&args[1])))
}

fn element(args: FuncArgs) -> Result<hcl::Value, String> {
    let items = list_of(&args[0])?;
    let i = match &args[1] {
        hcl::Value::Number(n) => n.as_u64().ok_or("index")?,
        _ => return Err("index".into()),
    } as usize;
    if items.is_empty() {
        return Err("empty list".into());
    }
    Ok(items[i % items.len()].clone())
}

fn startswith(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::Bool(
        string_of(&args[0])?.starts_with(&string_of(&args[1])?),
    ))
}

fn endswith(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(hcl::Value::Bool(
        string_of(&args[0])?.ends_with(&string_of(&args[1])?),
    ))
}

fn zipmap(args: FuncArgs) -> Result<hcl::Value, String> {
    let keys = list_of(&args[0])?;
    let values = list_of(&args[1])?;
    let mut out = hcl::Map::new();
    for (k, v) in keys.iter().zip(values) {
        out.insert(string_of(k)?, v);
    }
    Ok(hcl::Value::Object(out))
}

fn replace(args: FuncArgs) -> Result<hcl::Value, String> {
    let (s, from, to) = (
        string_of(&args[0])?,
        string_of(&args[1])?,
        string_of(&args[2])?,
    );
    if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
        return Err("regular expressions are not evaluated".into());
    }
    Ok(hcl::Value::String(s.replace(&from, &to)))
}

/// `format` with the verbs configurations use (`%s`, `%d`, `%v`, `%%`).
fn format(args: FuncArgs) -> Result<hcl::Value, String> {
    let spec = string_of(&args[0])?;
    let mut rest = args.iter().skip(1);
    let mut out = String::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s' | 'd' | 'v') => {
                let v = rest.next().ok_or("too few arguments")?;
                out.push_str(&match v {
                    hcl::Value::String(_) | hcl::Value::Number(_) | hcl::Value::Bool(_) => {
                        string_of(v)?
                    }
                    other => json(other).to_string(),
                });
            }
            _ => return Err("format verb not evaluated".into()),
        }
    }
    Ok(hcl::Value::String(out))
}

fn numbers(args: &FuncArgs) -> Result<Vec<f64>, String> {
    args.iter()
        .map(|a| match a {
            hcl::Value::Number(n) => n.as_f64().ok_or_else(|| "number".to_owned()),
            _ => Err("number".into()),
        })
        .collect()
}

fn extreme(args: FuncArgs, pick: fn(f64, f64) -> f64) -> Result<hcl::Value, String> {
    let ns = numbers(&args)?;
    let m = ns.into_iter().reduce(pick).ok_or("no numbers")?;
    hcl_of(&serde_json::json!(m)).map(|v| match v {
        hcl::Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            hcl::Value::from(n.as_f64().unwrap_or(0.0) as i64)
        }
        other => other,
    })
}

fn min(args: FuncArgs) -> Result<hcl::Value, String> {
    extreme(args, f64::min)
}

fn max(args: FuncArgs) -> Result<hcl::Value, String> {
    extreme(args, f64::max)
}
