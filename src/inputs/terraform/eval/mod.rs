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

use hcl::eval::{Context, Evaluate};
use serde_json::Value;

mod functions;

use functions::functions;

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

    #[test]
    fn base64_is_evaluated_as_terraform_does() {
        let scope = Scope::default();
        assert_eq!(
            eval("base64encode(\"#!/bin/sh\\necho hi\\n\")", &scope),
            Some(json!("IyEvYmluL3NoCmVjaG8gaGkK"))
        );
        assert_eq!(
            eval("base64decode(\"IyEvYmluL3NoCmVjaG8gaGkK\")", &scope),
            Some(json!("#!/bin/sh\necho hi\n"))
        );
        // Not base64, or not UTF-8 once decoded: refused, so unknown.
        assert_eq!(eval("base64decode(\"not base64!\")", &scope), None);
        assert_eq!(eval("base64decode(\"/w==\")", &scope), None);
        assert_eq!(eval("base64encode(aws_instance.a.id)", &scope), None);
    }
}
