//! Terraform as it is deployed: module calls with their arguments, tfvars,
//! expressions over known values, registry modules, plans, and what a scan
//! says when it cannot look.

mod common;

use common::*;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn scan(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["test", "--format", "json"];
    all.extend_from_slice(args);
    let out = assure(&all);
    let v = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (code(&out), v)
}

/// Every finding of a control: (target name, location, call sites).
fn findings(v: &serde_json::Value, id: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for c in v["controls"].as_array().unwrap() {
        if c["control"]["id"] != id {
            continue;
        }
        for t in c["targets"].as_array().unwrap() {
            for f in t["findings"].as_array().into_iter().flatten() {
                if f["level"] != "deny" {
                    continue;
                }
                let loc = format!(
                    "{}:{}",
                    f["location"]["path"].as_str().unwrap(),
                    f["location"]["line"]
                );
                let sites = f["call_sites"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|s| format!("{}:{}", s["path"].as_str().unwrap(), s["line"]))
                    .collect();
                out.push((t["name"].as_str().unwrap().to_owned(), loc, sites));
            }
        }
    }
    out.sort();
    out
}

const BUCKET_MODULE: &str = "variable \"acl\" {\n  default = \"private\"\n}\n\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = \"exports\"\n}\n\nresource \"aws_s3_bucket_acl\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  acl    = var.acl\n}\n";

const SG_MODULE: &str = "variable \"cidrs\" {\n  type = list(string)\n}\n\nresource \"aws_security_group\" \"admin\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = var.cidrs\n  }\n}\n";

#[test]
fn module_arguments_reach_the_module_and_findings_name_the_instance() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "modules/bucket/main.tf", BUCKET_MODULE);
    write(d, "modules/sg/main.tf", SG_MODULE);
    write(
        d,
        "main.tf",
        "module \"audit_exports\" {\n  source = \"./modules/bucket\"\n  acl    = \"public-read\"\n}\n\nmodule \"admin\" {\n  source = \"./modules/sg\"\n  cidrs  = [\"0.0.0.0/0\"]\n}\n",
    );
    let (c, v) = scan(&[
        "--control",
        "aws-s3-public-acl,aws-sg-open-admin-ports",
        d.to_str().unwrap(),
    ]);
    assert_eq!(c, 1);
    assert_eq!(
        findings(&v, "aws-s3-public-acl"),
        [(
            "main.tf#module.audit_exports.aws_s3_bucket_acl.this".to_owned(),
            "modules/bucket/main.tf:11".to_owned(),
            vec!["main.tf:1".to_owned()]
        )]
    );
    assert_eq!(
        findings(&v, "aws-sg-open-admin-ports"),
        [(
            "main.tf#module.admin.aws_security_group.admin".to_owned(),
            "modules/sg/main.tf:6".to_owned(),
            vec!["main.tf:6".to_owned()]
        )]
    );
    // The module folders are judged through their instances only: not alone
    // with their defaults (which would pass the ACL).
    let names: Vec<&str> = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["targets"].as_array().unwrap())
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("modules/")),
        "{names:?}"
    );
    // The text report says where the instance was called from.
    let text = stdout(&assure(&[
        "test",
        "--control",
        "aws-s3-public-acl",
        d.to_str().unwrap(),
    ]));
    assert!(text.contains("called from main.tf:1"), "{text}");
}

#[test]
fn nested_modules_and_for_each_make_one_instance_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "modules/bucket/main.tf", BUCKET_MODULE);
    write(
        d,
        "modules/site/main.tf",
        "variable \"public\" {\n  default = false\n}\n\nmodule \"store\" {\n  source = \"../bucket\"\n  acl    = var.public ? \"public-read\" : \"private\"\n}\n",
    );
    write(
        d,
        "main.tf",
        "locals {\n  sites = {\n    docs = true\n    app  = false\n  }\n}\n\nmodule \"site\" {\n  source   = \"./modules/site\"\n  for_each = local.sites\n  public   = each.value\n}\n",
    );
    let (_, v) = scan(&["--control", "aws-s3-public-acl", d.to_str().unwrap()]);
    assert_eq!(
        findings(&v, "aws-s3-public-acl"),
        [(
            "main.tf#module.site[\"docs\"].module.store.aws_s3_bucket_acl.this".to_owned(),
            "modules/bucket/main.tf:11".to_owned(),
            vec!["main.tf:8".to_owned(), "modules/site/main.tf:5".to_owned()]
        )]
    );
    let targets: Vec<&str> = v["controls"][0]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            "main.tf#module.site[\"app\"].module.store.aws_s3_bucket.this",
            "main.tf#module.site[\"app\"].module.store.aws_s3_bucket_acl.this",
            "main.tf#module.site[\"docs\"].module.store.aws_s3_bucket.this",
            "main.tf#module.site[\"docs\"].module.store.aws_s3_bucket_acl.this"
        ]
    );
}

#[test]
fn cycles_and_sources_outside_the_repository_are_errors_not_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(outside.path(), "x/main.tf", BUCKET_MODULE);
    std::fs::create_dir(d.join(".git")).unwrap();
    write(d, "a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n\nresource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n");
    write(d, "b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
    let rel = format!(
        "../../{}/x",
        outside
            .path()
            .strip_prefix("/tmp")
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    write(d, "c/main.tf", &format!("module \"far\" {{\n  source = \"{rel}\"\n}}\n\nresource \"aws_s3_bucket\" \"c\" {{\n  bucket = \"c\"\n}}\n"));
    let (c, v) = scan(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    let errors: Vec<String> = v["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{} {}",
                e["path"].as_str().unwrap(),
                e["line"],
                e["message"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("module cycle")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("c/main.tf:1 ") && e.contains("outside the repository")),
        "{errors:?}"
    );
    // What could be judged still was.
    assert!(v["summary"]["targets"].as_u64().unwrap() > 0);
}

#[test]
fn a_subfolder_scan_follows_sources_to_the_rest_of_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    write(d, "modules/bucket/main.tf", BUCKET_MODULE);
    write(d, "live/prod/main.tf", "module \"exports\" {\n  source = \"../../modules/bucket\"\n  acl    = \"public-read\"\n}\n");
    let (c, v) = scan(&[
        "--control",
        "aws-s3-public-acl",
        d.join("live/prod").to_str().unwrap(),
    ]);
    assert_eq!(c, 1, "{v:#}");
    assert_eq!(
        findings(&v, "aws-s3-public-acl"),
        [(
            "main.tf#module.exports.aws_s3_bucket_acl.this".to_owned(),
            "../../modules/bucket/main.tf:11".to_owned(),
            vec!["main.tf:1".to_owned()]
        )]
    );
}

#[test]
fn registry_modules_are_followed_after_init_and_reported_before() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "main.tf",
        "module \"exports\" {\n  source  = \"terraform-aws-modules/s3-bucket/aws\"\n  version = \"4.1.0\"\n  acl     = \"public-read\"\n}\n",
    );
    // No `terraform init`: not examined, said in every format, and a scan
    // that examined nothing fails.
    let (c, v) = scan(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    let calls = v["not_examined"]["module_calls"].as_array().unwrap();
    assert_eq!(calls.len(), 1, "{v:#}");
    assert_eq!(calls[0]["path"], "main.tf");
    assert!(calls[0]["reason"]
        .as_str()
        .unwrap()
        .contains("terraform init"));
    assert!(v["verdict"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().starts_with("nothing examined")));
    let text = stdout(&assure(&["test", d.to_str().unwrap()]));
    assert!(
        text.contains("Not examined:") && text.contains("module.exports"),
        "{text}"
    );
    let junit = stdout(&assure(&["test", "--format", "junit", d.to_str().unwrap()]));
    assert!(
        junit.contains("not-examined") && junit.contains("terraform init"),
        "{junit}"
    );
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&assure(&[
        "test",
        "--format",
        "sarif",
        d.to_str().unwrap(),
    ])))
    .unwrap();
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| n["level"] == "note"
        && n["message"]["text"]
            .as_str()
            .unwrap()
            .contains("module.exports")));
    let md = d.join("r.md");
    assure(&[
        "test",
        "--markdown",
        md.to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(md)
        .unwrap()
        .contains("## Not examined"));
    assert_eq!(
        code(&assure(&["test", "--allow-empty", d.to_str().unwrap()])),
        0
    );
    // After `terraform init`: followed through modules.json.
    write(d, ".terraform/modules/exports/main.tf", BUCKET_MODULE);
    write(
        d,
        ".terraform/modules/modules.json",
        "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"exports\",\"Source\":\"registry.terraform.io/terraform-aws-modules/s3-bucket/aws\",\"Version\":\"4.1.0\",\"Dir\":\".terraform/modules/exports\"}]}",
    );
    let (c, v) = scan(&["--control", "aws-s3-public-acl", d.to_str().unwrap()]);
    assert_eq!(c, 1);
    assert!(v["not_examined"]["module_calls"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        findings(&v, "aws-s3-public-acl"),
        [(
            "main.tf#module.exports.aws_s3_bucket_acl.this".to_owned(),
            ".terraform/modules/exports/main.tf:11".to_owned(),
            vec!["main.tf:1".to_owned()]
        )]
    );
}

#[test]
fn fail_on_unexamined_fails_on_a_call_it_could_not_follow() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "main.tf", "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    // The config lives outside the folder scanned, which would otherwise
    // use it as its own.
    let elsewhere = tempfile::tempdir().unwrap();
    let cfg = elsewhere.path().join("assure.yaml");
    std::fs::write(&cfg, "fail_on_unexamined: true\n").unwrap();
    let (c, v) = scan(&[
        "-c",
        cfg.to_str().unwrap(),
        "--control",
        "aws-s3-public-acl",
        d.to_str().unwrap(),
    ]);
    assert_eq!(c, 1, "{v:#}");
    assert!(v["verdict"]["reasons"]
        .to_string()
        .contains("not examined (fail_on_unexamined)"));
    let (c, _) = scan(&["--control", "aws-s3-public-acl", d.to_str().unwrap()]);
    assert_eq!(c, 0);
}

#[test]
fn tfvars_override_defaults_in_terraform_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "main.tf", "variable \"cidr\" {\n  default = \"10.0.0.0/8\"\n}\n\nresource \"aws_security_group\" \"admin\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n");
    let open = |args: &[&str]| -> usize {
        let mut all = vec!["--control", "aws-sg-open-admin-ports"];
        all.extend_from_slice(args);
        all.push(d.to_str().unwrap());
        findings(&scan(&all).1, "aws-sg-open-admin-ports").len()
    };
    assert_eq!(open(&[]), 0, "the default is closed");
    write(d, "terraform.tfvars", "cidr = \"0.0.0.0/0\"\n");
    assert_eq!(open(&[]), 1, "terraform.tfvars opens it");
    write(d, "z.auto.tfvars", "cidr = \"192.168.0.0/16\"\n");
    assert_eq!(open(&[]), 0, "*.auto.tfvars wins over terraform.tfvars");
    let extra = d.join("prod.tfvars");
    std::fs::write(&extra, "cidr = \"0.0.0.0/0\"\n").unwrap();
    assert_eq!(
        open(&["--var-file", extra.to_str().unwrap()]),
        1,
        "--var-file wins over both"
    );
}

#[test]
fn locals_and_functions_over_known_values_are_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "main.tf",
        "variable \"env\" {\n  default = \"prod\"\n}\n\nlocals {\n  open   = [\"0.0.0.0/0\"]\n  cidrs  = concat(local.open, [\"10.0.0.0/8\"])\n  policy = lookup({ prod = \"public-read\" }, var.env, \"private\")\n}\n\nresource \"aws_security_group\" \"admin\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = try(local.cidrs, [])\n  }\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b-${var.env}\"\n}\n\nresource \"aws_s3_bucket_acl\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n  acl    = local.policy\n}\n",
    );
    let (_, v) = scan(&[
        "--control",
        "aws-sg-open-admin-ports,aws-s3-public-acl",
        d.to_str().unwrap(),
    ]);
    assert_eq!(findings(&v, "aws-sg-open-admin-ports").len(), 1);
    assert_eq!(findings(&v, "aws-s3-public-acl").len(), 1);
    let parsed: serde_json::Value =
        serde_json::from_str(&stdout(&assure(&["parse", d.to_str().unwrap()]))).unwrap();
    let b = &parsed[0]["input"]["resource"]["aws_s3_bucket"]["b"][0];
    assert_eq!(b["bucket"], "b-prod");
    // What only apply knows stays the expression's text.
    let acl = &parsed[0]["input"]["resource"]["aws_s3_bucket_acl"]["b"][0];
    assert_eq!(acl["bucket"], "${aws_s3_bucket.b.id}");
}

#[test]
fn a_baseline_written_before_modules_were_followed_still_matches_the_root() {
    let dir = repo().join("tests/data/baseline-before-modules");
    let baseline = dir.join("baseline.json");
    let (_, v) = scan(&[
        "--baseline",
        baseline.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    let root_entries = b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"] == "infra/main.tf")
        .count();
    assert!(root_entries > 0);
    // Every root finding is known again; the module folder, judged alone
    // then, is now judged through its instance: those entries are fixed,
    // and the instance's findings are new.
    assert_eq!(
        v["baseline"]["known"].as_u64().unwrap() as usize,
        root_entries,
        "{:#}",
        v["baseline"]
    );
    assert!(v["baseline"]["new"].as_u64().unwrap() > 0);
    let fixed = v["baseline"]["fixed"].as_array().unwrap();
    assert!(
        fixed
            .iter()
            .all(|e| e["path"] == "infra/modules/bucket/main.tf"),
        "{fixed:?}"
    );
    assert!(!fixed.is_empty());
}

#[test]
fn helm_templates_and_json_with_comments_are_listed_not_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "chart/Chart.yaml",
        "apiVersion: v2\nname: app\nversion: 1.0.0\n",
    );
    write(d, "chart/templates/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n");
    write(d, "chart/templates/plain.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n");
    write(
        d,
        "web/tsconfig.json",
        "{\n  // comments are fine here\n  \"compilerOptions\": {}\n}\n",
    );
    write(d, ".vscode/settings.json", "{ /* editor */ }\n");
    let (c, v) = scan(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    assert!(
        v["input_errors"].as_array().unwrap().is_empty(),
        "{:#}",
        v["input_errors"]
    );
    let files: Vec<(String, String)> = v["not_examined"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (path, kind) in [
        ("chart/templates/deploy.yaml", "helm template"),
        ("web/tsconfig.json", "json with comments"),
        (".vscode/settings.json", "json with comments"),
    ] {
        assert!(
            files.contains(&(path.to_owned(), kind.to_owned())),
            "{path}: {files:?}"
        );
    }
    // Plain YAML in a chart's templates folder is judged.
    let failing: Vec<&str> = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["control"]["id"] == "k8s-privileged-container")
        .flat_map(|c| c["targets"].as_array().unwrap())
        .filter(|t| t["outcome"] == "fail")
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing,
        ["chart/templates/plain.yaml#Pod/plain/container:app"]
    );
}

#[test]
fn kustomize_patches_are_judged_merged_into_their_base() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "base/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: api\n        image: api@sha256:0000000000000000000000000000000000000000000000000000000000000000\n");
    write(
        d,
        "base/kustomization.yaml",
        "resources:\n  - deploy.yaml\n",
    );
    write(
        d,
        "overlays/prod/kustomization.yaml",
        "resources:\n  - ../../base\npatches:\n  - path: memory.yaml\n",
    );
    write(d, "overlays/prod/memory.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        resources:\n          limits:\n            memory: 1Gi\n");
    write(d, "overlays/dev/kustomization.yaml", "resources:\n  - https://example.com/remote-base\npatchesStrategicMerge:\n  - replicas.yaml\n");
    write(
        d,
        "overlays/dev/replicas.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n",
    );
    let (_, v) = scan(&[
        "--control",
        "k8s-single-replica,k8s-resource-limits",
        d.to_str().unwrap(),
    ]);
    let outcome = |id: &str, name: &str| -> String {
        v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["control"]["id"] == id)
            .flat_map(|c| c["targets"].as_array().unwrap())
            .find(|t| t["name"] == name)
            .map(|t| t["outcome"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| format!("no target {name}"))
    };
    // The patch has no replicas of its own: merged with its base it keeps 3.
    assert_eq!(
        outcome(
            "k8s-single-replica",
            "overlays/prod/memory.yaml#Deployment/api"
        ),
        "pass"
    );
    // The base alone has no memory limit; the overlay's merge does, but no cpu.
    assert_eq!(
        outcome(
            "k8s-resource-limits",
            "base/deploy.yaml#Deployment/api/container:api"
        ),
        "fail"
    );
    // A patch whose base is not in the scan is not examined, never judged alone.
    assert!(
        v["not_examined"]["files"]
            .to_string()
            .contains("overlays/dev/replicas.yaml"),
        "{:#}",
        v["not_examined"]
    );
    assert!(outcome(
        "k8s-single-replica",
        "overlays/dev/replicas.yaml#Deployment/api"
    )
    .starts_with("no target"));
}

/// A root calling two modules, and the plan `terraform show -json` gives
/// for it (written in that shape: planned values with child modules, the
/// bucket id an encryption resource points at left unknown, and the
/// configuration's references saying which bucket).
const PLAN_ROOT: &str = "module \"net\" {\n  source = \"./modules/net\"\n  cidrs  = [\"0.0.0.0/0\"]\n}\n\nmodule \"store\" {\n  source = \"./modules/store\"\n}\n\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
const PLAN_NET: &str = "variable \"cidrs\" {\n  type = list(string)\n}\n\nresource \"aws_security_group\" \"admin\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = var.cidrs\n  }\n}\n";
const PLAN_STORE: &str = "resource \"aws_s3_bucket\" \"data\" {\n  bucket = \"data\"\n}\n\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"data\" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n";
const PLAN_JSON: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.8",
  "planned_values": {
    "root_module": {
      "resources": [
        {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
         "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
         "values": {"bucket": "logs", "force_destroy": false, "tags": null}, "sensitive_values": {"tags_all": {}}}
      ],
      "child_modules": [
        {"address": "module.net", "resources": [
          {"address": "module.net.aws_security_group.admin", "mode": "managed", "type": "aws_security_group", "name": "admin",
           "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
           "values": {"description": "Managed by Terraform", "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 22, "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp", "security_groups": [], "self": false, "to_port": 22}], "revoke_rules_on_delete": false, "tags": null, "timeouts": null},
           "sensitive_values": {"egress": [], "ingress": [{"cidr_blocks": [false]}]}}
        ]},
        {"address": "module.store", "resources": [
          {"address": "module.store.aws_s3_bucket.data", "mode": "managed", "type": "aws_s3_bucket", "name": "data",
           "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
           "values": {"bucket": "data", "force_destroy": false, "tags": null}, "sensitive_values": {}},
          {"address": "module.store.aws_s3_bucket_server_side_encryption_configuration.data", "mode": "managed",
           "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "data",
           "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
           "values": {"expected_bucket_owner": null, "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": null, "sse_algorithm": "aws:kms"}], "bucket_key_enabled": null}]},
           "sensitive_values": {"rule": [{"apply_server_side_encryption_by_default": [{}]}]}}
        ]}
      ]
    }
  },
  "resource_changes": [
    {"address": "module.store.aws_s3_bucket_server_side_encryption_configuration.data", "module_address": "module.store",
     "mode": "managed", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "data",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {"expected_bucket_owner": null}, "after_unknown": {"bucket": true, "id": true}, "before_sensitive": false, "after_sensitive": {}}}
  ],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
    "root_module": {
      "resources": [
        {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs", "provider_config_key": "aws",
         "expressions": {"bucket": {"constant_value": "logs"}}, "schema_version": 0}
      ],
      "module_calls": {
        "net": {"source": "./modules/net", "expressions": {"cidrs": {"constant_value": ["0.0.0.0/0"]}},
          "module": {"resources": [
            {"address": "aws_security_group.admin", "mode": "managed", "type": "aws_security_group", "name": "admin", "provider_config_key": "aws",
             "expressions": {"ingress": [{"cidr_blocks": {"references": ["var.cidrs"]}, "from_port": {"constant_value": 22}, "protocol": {"constant_value": "tcp"}, "to_port": {"constant_value": 22}}]}, "schema_version": 1}
          ], "variables": {"cidrs": {}}}},
        "store": {"source": "./modules/store",
          "module": {"resources": [
            {"address": "aws_s3_bucket.data", "mode": "managed", "type": "aws_s3_bucket", "name": "data", "provider_config_key": "aws",
             "expressions": {"bucket": {"constant_value": "data"}}, "schema_version": 0},
            {"address": "aws_s3_bucket_server_side_encryption_configuration.data", "mode": "managed",
             "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "data", "provider_config_key": "aws",
             "expressions": {"bucket": {"references": ["aws_s3_bucket.data.id", "aws_s3_bucket.data"]},
               "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": {"constant_value": "aws:kms"}}]}]}, "schema_version": 0}
          ]}}
      }
    }
  },
  "timestamp": "2026-11-29T00:00:00Z",
  "applyable": true,
  "complete": true,
  "errored": false
}
"#;

#[test]
fn a_plan_with_child_modules_fails_where_its_hcl_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "hcl/main.tf", PLAN_ROOT);
    write(d, "hcl/modules/net/main.tf", PLAN_NET);
    write(d, "hcl/modules/store/main.tf", PLAN_STORE);
    write(d, "plan/plan.json", PLAN_JSON);
    let controls = "aws-sg-open-admin-ports,aws-s3-encryption";
    let failing = |dir: &str| -> (Vec<String>, Vec<String>) {
        let (_, v) = scan(&["--control", controls, dir]);
        let mut fail = Vec::new();
        let mut pass = Vec::new();
        for c in v["controls"].as_array().unwrap() {
            for t in c["targets"].as_array().unwrap() {
                let r = format!(
                    "{} {}",
                    c["control"]["id"].as_str().unwrap(),
                    t["resource"].as_str().unwrap_or("")
                );
                if t["outcome"] == "fail" {
                    fail.push(r)
                } else if t["outcome"] == "pass" {
                    pass.push(r)
                }
            }
        }
        fail.sort();
        pass.sort();
        (fail, pass)
    };
    let hcl = failing(d.join("hcl").to_str().unwrap());
    let plan = failing(d.join("plan").to_str().unwrap());
    assert_eq!(plan, hcl);
    assert_eq!(
        plan.0,
        [
            "aws-s3-encryption aws_s3_bucket.logs",
            "aws-sg-open-admin-ports module.net.aws_security_group.admin"
        ]
    );
    // The bucket encrypted by a sibling resource whose bucket id is unknown
    // in the plan passes, through the configuration's references.
    assert!(
        plan.1
            .contains(&"aws-s3-encryption module.store.aws_s3_bucket.data".to_owned()),
        "{:?}",
        plan.1
    );
    // Plan targets are named after the plan file and the address, and do
    // not share fingerprints with the HCL's.
    let (_, v) = scan(&["--control", "aws-sg-open-admin-ports", d.to_str().unwrap()]);
    let targets: Vec<&serde_json::Value> = v["controls"][0]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["outcome"] == "fail")
        .collect();
    let names: Vec<&str> = targets
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "hcl/main.tf#module.net.aws_security_group.admin",
            "plan/plan.json#module.net.aws_security_group.admin"
        ]
    );
    assert_ne!(
        targets[0]["findings"][0]["fingerprint"],
        targets[1]["findings"][0]["fingerprint"]
    );
    assert_eq!(
        targets[1]["findings"][0]["location"]["path"],
        "plan/plan.json"
    );
}

#[test]
fn a_plan_beside_its_hcl_names_each_resource_block_it_was_planned_from() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "live/main.tf", PLAN_ROOT);
    write(d, "live/modules/net/main.tf", PLAN_NET);
    write(d, "live/modules/store/main.tf", PLAN_STORE);
    write(d, "live/plan.json", PLAN_JSON);
    // The same plan away from its HCL: nothing to point at.
    write(d, "elsewhere/plan.json", PLAN_JSON);
    let controls = "aws-sg-open-admin-ports,aws-s3-encryption";
    let (_, v) = scan(&["--control", controls, d.to_str().unwrap()]);
    let mut planned: Vec<(String, serde_json::Value)> = Vec::new();
    for c in v["controls"].as_array().unwrap() {
        for t in c["targets"].as_array().unwrap() {
            for f in t["findings"].as_array().into_iter().flatten() {
                if t["name"].as_str().unwrap().contains("plan.json") {
                    planned.push((
                        t["name"].as_str().unwrap().to_owned(),
                        f["planned_from"].clone(),
                    ));
                }
            }
        }
    }
    planned.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        planned,
        [
            (
                "elsewhere/plan.json#aws_s3_bucket.logs".to_owned(),
                serde_json::Value::Null
            ),
            (
                "elsewhere/plan.json#module.net.aws_security_group.admin".to_owned(),
                serde_json::Value::Null
            ),
            (
                "live/plan.json#aws_s3_bucket.logs".to_owned(),
                serde_json::json!({"path": "live/main.tf", "line": 10})
            ),
            (
                "live/plan.json#module.net.aws_security_group.admin".to_owned(),
                serde_json::json!({"path": "live/modules/net/main.tf", "line": 5})
            ),
        ]
    );
    // The text report says it beside the finding.
    let out = assure(&[
        "test",
        "--control",
        controls,
        "--color",
        "never",
        d.to_str().unwrap(),
    ]);
    assert!(
        stdout(&out).contains("planned from live/modules/net/main.tf:5"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn resource_types_no_control_reads_are_listed_by_provider_in_a_default_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "main.tf",
        "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\nresource \"azurerm_resource_group\" \"rg\" {\n  name     = \"rg\"\n  location = \"westeurope\"\n}\n\nresource \"google_pubsub_topic\" \"t\" {\n  name = \"t\"\n}\n\ndata \"http\" \"ip\" {\n  url = \"https://example.com\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n",
    );
    // Every built-in control loaded, those that read provider blocks or
    // every argument for secrets included: they do not make a type examined.
    let (_, v) = scan(&[d.to_str().unwrap()]);
    let types = &v["not_examined"]["resource_types"];
    assert_eq!(
        types,
        &serde_json::json!({
            "azurerm": {"resources": 1, "types": ["azurerm_resource_group"]},
            "google": {"resources": 1, "types": ["google_pubsub_topic"]},
            "http": {"resources": 1, "types": ["http"]},
        }),
        "{types}"
    );
    // The provider block itself is still judged.
    let provider_control = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"]["id"] == "tf-hardcoded-provider-credentials")
        .unwrap();
    assert_eq!(provider_control["targets"][0]["resource"], "provider.aws");
}
