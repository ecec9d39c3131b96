//! Terraform as it is deployed. Every `.tf` and `.tf.json` file of a
//! directory is one module (so an `aws_s3_bucket` and the
//! `aws_s3_bucket_server_side_encryption_configuration` that configures it
//! from another file are seen together); a module that another calls is
//! judged through its instances, with the caller's arguments; a root module
//! is judged with its tfvars; values known before apply are evaluated.
//! Each instance becomes one document in conftest's hcl2 shape (see
//! [`convert`]), its resources addressed as Terraform addresses them
//! (`module.audit.aws_s3_bucket.this`).
//!
//! - [`source`]: a directory's files, parsed once;
//! - [`eval`]: expressions with variables, locals and functions;
//! - [`instance`]: one instance: its variables, locals, document, calls;
//! - [`workspace`]: which modules are roots, where each call's source is,
//!   and the instances of every root;
//! - [`plan`]: the JSON of `terraform show -json` in the same shape;
//! - [`tfvars`]: `terraform.tfvars`, `*.auto.tfvars`, `--var-file`.

pub mod convert;
pub mod eval;
mod instance;
pub mod plan;
pub mod plan_source;
pub mod source;
pub mod tfvars;
pub mod workspace;

pub use convert::EXPANSION_BUDGET_BYTES;
pub use source::ModuleFile;

use super::Parsed;
use source::ModuleSource;

/// Parse one module directory on its own: a root with its declared
/// defaults, no tfvars, module calls not followed (listed as not examined).
/// What a single file or fuzzing sees; a scan goes through [`workspace`].
pub fn parse_module(dir: &str, files: Vec<ModuleFile>) -> Parsed {
    let src = ModuleSource::parse(dir, None, files);
    workspace::instantiate_alone(&src)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn module(files: &[(&str, &str)]) -> Parsed {
        parse_module(
            "infra",
            files
                .iter()
                .map(|(p, t)| ModuleFile {
                    path: p.to_string(),
                    text: Ok(t.to_string()),
                })
                .collect(),
        )
    }

    #[test]
    fn conftest_shape_and_sibling_resources_in_other_files() {
        let parsed = module(&[
            (
                "infra/s3.tf",
                "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs-${var.env}\"\n  tags = {\n    Team = \"x\"\n  }\n  versioning {\n    enabled = true\n  }\n  acl = var.env\n}\n",
            ),
            (
                "infra/enc.tf",
                "variable \"env\" {\n  default = \"prod\"\n}\n\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  count  = length(var.x) > 0 ? 1 : 0\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n",
            ),
        ]);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let doc = &parsed.documents[0];
        let v = &doc.value;
        // A template over a known variable is evaluated.
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["bucket"],
            json!("logs-prod")
        );
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["versioning"],
            json!([{"enabled": true}])
        );
        let enc = &v["resource"]["aws_s3_bucket_server_side_encryption_configuration"]["logs"][0];
        assert_eq!(enc["bucket"], json!("${aws_s3_bucket.logs.id}"));
        assert_eq!(enc["count"], json!("${length(var.x) > 0 ? 1 : 0}"));
        assert_eq!(
            enc["rule"][0]["apply_server_side_encryption_by_default"][0]["sse_algorithm"],
            json!("aws:kms")
        );
        assert_eq!(v["variable"]["env"][0]["default"], json!("prod"));
        // `var.env` alone is resolved to its default, declared in another
        // file of the module.
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["acl"],
            json!("prod")
        );

        let loc = |r: &str, a: Option<&str>| doc.locator.locate(v, Some(r), a).unwrap();
        assert_eq!(
            loc("aws_s3_bucket.logs", None),
            super::super::Location {
                path: "infra/s3.tf".into(),
                line: 1
            }
        );
        assert_eq!(
            loc("aws_s3_bucket.logs", Some("versioning.enabled")).line,
            7
        );
        assert_eq!(loc("aws_s3_bucket.logs", Some("tags.Team")).line, 4);
        let enc_loc = loc(
            "aws_s3_bucket_server_side_encryption_configuration.logs",
            Some("rule.apply_server_side_encryption_by_default.sse_algorithm"),
        );
        assert_eq!((enc_loc.path.as_str(), enc_loc.line), ("infra/enc.tf", 10));
        // a missing attribute resolves to the block
        assert_eq!(
            loc("aws_s3_bucket.logs", Some("logging.target_bucket")).line,
            1
        );
    }

    #[test]
    fn a_broken_file_is_an_error_and_the_rest_still_loads() {
        let parsed = module(&[
            ("infra/a.tf", "resource \"aws_s3_bucket\" \"a\" {}\n"),
            (
                "infra/b.tf",
                "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n}\n",
            ),
        ]);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].path, "infra/b.tf");
        assert!(parsed.errors[0].line.is_some());
        assert_eq!(parsed.documents.len(), 1);
        assert!(parsed.documents[0].value["resource"]["aws_s3_bucket"]["a"].is_array());
    }

    #[test]
    fn variables_with_defaults_are_resolved() {
        let parsed = module(&[(
            "m/main.tf",
            "variable \"rotate\" {\n  default = true\n}\nvariable \"days\" {\n  default = 30\n}\nvariable \"unset\" {}\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n  deletion_window_in_days = var.days\n  description = var.unset\n  policy = \"${var.rotate}-x\"\n}\n",
        )]);
        let k = &parsed.documents[0].value["resource"]["aws_kms_key"]["k"][0];
        assert_eq!(k["enable_key_rotation"], json!(true));
        assert_eq!(k["deletion_window_in_days"], json!(30));
        assert_eq!(k["description"], json!("${var.unset}"));
        assert_eq!(k["policy"], json!("true-x"));
    }

    #[test]
    fn deeply_nested_blocks_index_in_linear_time() {
        let depth = 60;
        let mut text = String::from("resource \"x\" \"y\" {\n");
        for _ in 0..depth {
            text.push_str("b {\n");
        }
        text.push_str("v = 1\n");
        for _ in 0..depth {
            text.push_str("}\n");
        }
        text.push_str("}\n");
        let start = std::time::Instant::now();
        let parsed = module(&[("m/main.tf", &text)]);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    }

    #[test]
    fn tf_json_is_normalised_to_lists() {
        let parsed = module(&[(
            "infra/main.tf.json",
            "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"b\": {\"bucket\": \"x\"}\n    }\n  }\n}\n",
        )]);
        let doc = &parsed.documents[0];
        assert_eq!(
            doc.value["resource"]["aws_s3_bucket"]["b"],
            json!([{"bucket": "x"}])
        );
        assert_eq!(
            doc.locator
                .locate(&doc.value, Some("aws_s3_bucket.b"), None)
                .unwrap()
                .line,
            4
        );
    }

    #[test]
    fn dynamic_blocks_and_heredocs() {
        let parsed = module(&[(
            "m/main.tf",
            "resource \"aws_security_group\" \"sg\" {\n  dynamic \"ingress\" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n    }\n  }\n  description = <<EOT\nhello\nEOT\n}\n",
        )]);
        let sg = &parsed.documents[0].value["resource"]["aws_security_group"]["sg"][0];
        assert_eq!(
            sg["dynamic"]["ingress"][0]["for_each"],
            json!("${var.ports}")
        );
        assert_eq!(
            sg["dynamic"]["ingress"][0]["content"][0]["from_port"],
            json!("${ingress.value}")
        );
        assert_eq!(sg["description"], json!("hello\n"));
    }
}
