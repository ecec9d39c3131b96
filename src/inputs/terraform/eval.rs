//! Terraform expressions evaluated as Terraform would before it plans:
//! variables (the caller's arguments, tfvars, declared defaults), locals,
//! `each`/`count` of a module instance, `path.module`, and the pure
//! functions configurations use to build values (`merge`, `lookup`,
//! `concat`, `coalesce`, `jsonencode`, `try`...).
//!
//! Evaluation is done by hcl-rs, the maintained HCL evaluator, over the
//! expressions hcl-edit parsed. What cannot be known before `apply` (a
//! resource's attribute, a data source, an unknown variable, a function
//! Terraform has and this list does not) makes the expression unknown: the
//! caller keeps its source text, as before, never a guess.

use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use serde_json::Value;

/// The values an expression may refer to in one module instance.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Known variables (an unknown one is absent, so referring to it fails).
    pub vars: serde_json::Map<String, Value>,
    pub locals: serde_json::Map<String, Value>,
    /// `each.key`/`each.value` of a `for_each` instance.
    pub each: Option<(Value, Value)>,
    /// `count.index` of a `count` instance.
    pub count_index: Option<u64>,
    /// `path.module` and `path.root`, as written in reports.
    pub path_module: String,
    pub path_root: String,
}

impl Scope {
    /// The hcl-rs context for this scope, built once and reused for every
    /// expression of the instance.
    pub fn context(&self) -> Context<'static> {
        let mut ctx = Context::new();
        functions(&mut ctx);
        let to_hcl = |v: &Value| hcl::to_value(v).unwrap_or(hcl::Value::Null);
        ctx.declare_var("var", to_hcl(&Value::Object(self.vars.clone())));
        ctx.declare_var("local", to_hcl(&Value::Object(self.locals.clone())));
        let mut path = serde_json::Map::new();
        path.insert("module".into(), Value::String(self.path_module.clone()));
        path.insert("root".into(), Value::String(self.path_root.clone()));
        path.insert("cwd".into(), Value::String(".".into()));
        ctx.declare_var("path", to_hcl(&Value::Object(path)));
        if let Some((key, value)) = &self.each {
            let mut each = serde_json::Map::new();
            each.insert("key".into(), key.clone());
            each.insert("value".into(), value.clone());
            ctx.declare_var("each", to_hcl(&Value::Object(each)));
        }
        if let Some(i) = self.count_index {
            let mut count = serde_json::Map::new();
            count.insert("index".into(), Value::from(i));
            ctx.declare_var("count", to_hcl(&Value::Object(count)));
        }
        ctx
    }
}

/// The value of an expression, or `None` when it cannot be known here.
pub fn evaluate(expr: &hcl_edit::expr::Expression, ctx: &Context<'_>) -> Option<Value> {
    use hcl_edit::expr::Expression as E;
    // `try` and `can` take their arguments unevaluated. An argument that
    // fails because it refers to something unknown makes the whole call
    // unknown, as in Terraform (falling back to the next argument would
    // guess); one that fails for another reason (a missing key) moves on.
    if let E::FuncCall(call) = expr {
        let name = call.name.name.as_str();
        if call.name.namespace.is_empty() && (name == "try" || name == "can") {
            let mut args = call.args.iter();
            if name == "can" {
                let arg = args.next()?;
                return match evaluate(arg, ctx) {
                    Some(_) => Some(Value::Bool(true)),
                    None if mentions_unknown(arg, ctx) => None,
                    None => Some(Value::Bool(false)),
                };
            }
            for arg in args {
                match evaluate(arg, ctx) {
                    Some(v) => return Some(v),
                    None if mentions_unknown(arg, ctx) => return None,
                    None => {}
                }
            }
            return None;
        }
    }
    let converted = hcl::Expression::from(expr.clone());
    let value = converted.evaluate(ctx).ok()?;
    serde_json::to_value(value).ok()
}

/// Whether an expression refers to anything whose value is unknown here:
/// an unknown variable or local, a resource, data source or module output,
/// `each`/`count` outside an instance. Read from its text, so a word in a
/// string literal may count too: that errs towards unknown, never towards
/// a guessed value.
fn mentions_unknown(expr: &hcl_edit::expr::Expression, ctx: &Context<'_>) -> bool {
    let text = expr.to_string();
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'_')
            || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (is_ident(bytes[i]) || bytes[i] == b'.') {
            i += 1;
        }
        let chain = &text[start..i];
        let mut parts = chain.split('.').filter(|p| !p.is_empty());
        let (Some(root), Some(second)) = (parts.next(), parts.next()) else {
            continue;
        };
        let probe = match root {
            "var" | "local" => format!("{root}.{second}"),
            _ => root.to_owned(),
        };
        let known = probe
            .parse::<hcl_edit::expr::Expression>()
            .ok()
            .is_some_and(|e| hcl::Expression::from(e).evaluate(ctx).is_ok());
        if !known {
            return true;
        }
    }
    false
}

/// A template string from a `.tf.json` file (`"logs-${var.env}"`).
pub fn evaluate_template(text: &str, ctx: &Context<'_>) -> Option<Value> {
    let expr: hcl_edit::expr::Expression =
        format!("\"{}\"", text.replace('"', "\\\"")).parse().ok()?;
    evaluate(&expr, ctx)
}

fn json(v: &hcl::Value) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn hcl_of(v: &Value) -> Result<hcl::Value, String> {
    hcl::to_value(v).map_err(|e| e.to_string())
}

/// Every function assure evaluates. Terraform's others leave their
/// expression unknown.
fn functions(ctx: &mut Context<'_>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(src: &str, scope: &Scope) -> Option<Value> {
        let expr: hcl_edit::expr::Expression = src.parse().unwrap();
        evaluate(&expr, &scope.context())
    }

    #[test]
    fn known_values_evaluate_and_unknown_ones_do_not() {
        let mut scope = Scope::default();
        scope.vars.insert("env".into(), json!("prod"));
        scope.vars.insert("tags".into(), json!({"team": "a"}));
        scope.locals.insert("open".into(), json!(["0.0.0.0/0"]));
        scope.path_module = "modules/x".into();
        assert_eq!(
            eval("\"logs-${var.env}\"", &scope),
            Some(json!("logs-prod"))
        );
        assert_eq!(
            eval(
                "var.env == \"prod\" ? \"public-read\" : \"private\"",
                &scope
            ),
            Some(json!("public-read"))
        );
        assert_eq!(
            eval("merge(var.tags, {b = 1})", &scope),
            Some(json!({"team": "a", "b": 1}))
        );
        assert_eq!(
            eval("lookup(var.tags, \"x\", \"d\")", &scope),
            Some(json!("d"))
        );
        assert_eq!(
            eval("concat(local.open, [\"10.0.0.0/8\"])", &scope),
            Some(json!(["0.0.0.0/0", "10.0.0.0/8"]))
        );
        assert_eq!(eval("coalesce(\"\", var.env)", &scope), Some(json!("prod")));
        assert_eq!(
            eval("jsonencode({a = [1]})", &scope),
            Some(json!("{\"a\":[1]}"))
        );
        // A missing key falls back; something unknown makes try unknown.
        assert_eq!(
            eval("try(var.tags.owner, \"fallback\")", &scope),
            Some(json!("fallback"))
        );
        assert_eq!(eval("can(var.tags.owner)", &scope), Some(json!(false)));
        assert_eq!(eval("try(var.missing, \"fallback\")", &scope), None);
        assert_eq!(eval("try(aws_s3_bucket.b.acl, \"private\")", &scope), None);
        assert_eq!(eval("can(var.missing)", &scope), None);
        assert_eq!(
            eval("format(\"%s-%d\", var.env, 3)", &scope),
            Some(json!("prod-3"))
        );
        assert_eq!(
            eval("\"${path.module}/x\"", &scope),
            Some(json!("modules/x/x"))
        );
        // What only apply knows stays unknown.
        assert_eq!(eval("var.missing", &scope), None);
        assert_eq!(eval("aws_s3_bucket.logs.id", &scope), None);
        assert_eq!(
            eval(
                "\"${var.env}-${data.aws_caller_identity.me.account_id}\"",
                &scope
            ),
            None
        );
        assert_eq!(eval("cidrsubnet(\"10.0.0.0/16\", 8, 1)", &scope), None);
    }
}
