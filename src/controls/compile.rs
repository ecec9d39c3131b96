//! Compiling policies: every source into one engine (checked once, so a
//! broken policy stops the run before the scan), the controls found in it
//! (packages with deny/warn/violation rules) and their METADATA, validated.

use super::metadata::{package_annotation, package_of, rule_heads, Annotation};
use super::{
    deps, regorus_error, seal, Control, ControlSet, PolicyError, PolicySource, Rules,
    DEFAULT_SEVERITY,
};
use crate::frameworks::{criterion, Objective};
use crate::inputs::InputKind;
use std::collections::{BTreeMap, HashMap};

/// Everything that shapes compilation.
pub struct CompileOptions<'a> {
    pub objectives: &'a [Objective],
    /// JSON/YAML documents merged under `data`.
    pub data: Vec<serde_json::Value>,
    /// Compile the built-in library into the engine holding every policy
    /// even when no user policy is loaded.
    ///
    /// That engine checks that the policies compile together and is what
    /// `verify` and the VM run on. A scan of the built-in controls alone on
    /// the interpreter needs neither: each control runs in an engine of its
    /// own, and the library is the one built into this binary, whose
    /// compile checks run in its tests. Holding it cost 26 MB (more than
    /// discovering and parsing 30,000 files) and 60 ms of start-up.
    pub whole_engine: bool,
}

/// How long loading the policies may take. The built-in library loads in a
/// few milliseconds; a policy built to make the parser or compiler work
/// without end is stopped here instead of holding the run forever.
pub const LOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// [`compile`] on a thread of its own, given up after [`LOAD_TIMEOUT`]
/// with an error (the run then exits 2, ending the thread with it).
pub fn compile_within_limit(
    sources: &[PolicySource],
    opts: &CompileOptions<'_>,
) -> Result<ControlSet, Vec<PolicyError>> {
    let sources = sources.to_vec();
    let objectives = opts.objectives.to_vec();
    let data = opts.data.clone();
    let whole_engine = opts.whole_engine;
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("policy-load".into())
        .stack_size(64 << 20)
        .spawn(move || {
            let opts = CompileOptions {
                objectives: &objectives,
                data,
                whole_engine,
            };
            let _ = tx.send(compile(&sources, &opts));
        });
    let stuck = |message: String| {
        vec![PolicyError {
            file: "policies".into(),
            line: None,
            message,
        }]
    };
    if let Err(e) = spawned {
        return Err(stuck(format!("cannot start loading policies: {e}")));
    }
    match rx.recv_timeout(LOAD_TIMEOUT) {
        Ok(result) => result,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(stuck(format!(
            "loading the policies took longer than {} s; a policy may be built to stall the parser",
            LOAD_TIMEOUT.as_secs()
        ))),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Err(stuck("loading the policies crashed".into()))
        }
    }
}

/// Compile all sources into one engine, find the controls (packages with
/// deny/warn/violation rules), read and validate their METADATA. All
/// problems are collected, so a user fixes them in one pass.
pub fn compile(
    sources: &[PolicySource],
    opts: &CompileOptions<'_>,
) -> Result<ControlSet, Vec<PolicyError>> {
    let mut engine = regorus::Engine::new();
    let mut errors = Vec::new();
    // package -> indexes of its sources
    let mut packages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut package_names = Vec::with_capacity(sources.len());
    let builtins = sources.iter().any(PolicySource::is_builtin);
    let whole = opts.whole_engine || !sources.iter().all(PolicySource::is_builtin);
    for (i, src) in sources.iter().enumerate() {
        if !src.is_builtin() {
            if let Err(e) = super::nesting::check(&src.label, &src.text) {
                errors.push(e);
                continue;
            }
        }
        let added = if whole {
            add_policy(&mut engine, src)
        } else {
            Ok(())
        };
        match added {
            Ok(()) => match package_of(&src.text) {
                Some((pkg, _)) => {
                    package_names.push(pkg.clone());
                    packages.entry(pkg).or_default().push(i);
                }
                None => errors.push(PolicyError {
                    file: src.label.clone(),
                    line: None,
                    message: "no package declaration".into(),
                }),
            },
            Err(e) => errors.push(e),
        }
    }
    // The package each user module really declares, as regorus parsed it
    // (`package assure["aws"]` is `assure.aws`), checked against the
    // namespaces nothing a user brings may enter.
    match engine.get_policy_package_components() {
        Ok(modules) => {
            for m in modules {
                let user = sources
                    .iter()
                    .find(|s| s.label == m.source_file)
                    .is_some_and(|s| !s.is_builtin());
                if user {
                    if let Err(e) = seal::check_package(&m.source_file, &m.components, builtins) {
                        errors.push(e);
                    }
                }
            }
        }
        Err(e) => errors.push(regorus_error("policies", &e)),
    }
    let mut data = Vec::with_capacity(opts.data.len());
    for d in &opts.data {
        let value = regorus::Value::from(d.clone());
        data.push(value.clone());
        if let Err(e) = engine.add_data(value) {
            errors.push(PolicyError {
                file: "--data".into(),
                line: None,
                message: format!("cannot merge data document: {e}"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let user: Vec<&PolicySource> = sources.iter().filter(|s| !s.is_builtin()).collect();
    if let Err(e) = super::check_user_policies(&user) {
        return Err(vec![e]);
    }
    // Prepare the whole set now (rule scheduling, unsafe variables), so such
    // errors stop the run before the scan; unknown builtins are found when
    // controls compile for evaluation (`Evaluator::new`).
    if whole {
        engine.set_input(regorus::Value::new_object());
        if let Err(e) = engine.eval_query("true".to_owned(), false) {
            return Err(vec![regorus_error("policies", &e)]);
        }
    }

    let mut controls = Vec::new();
    for (package, idxs) in &packages {
        let names: Vec<String> = idxs
            .iter()
            .flat_map(|&i| rule_heads(&sources[i].text))
            .collect();
        let rules = Rules::from_names(&names);
        if !rules.is_control() {
            continue; // a library package
        }
        let mut annotation: Option<(Annotation, usize, usize)> = None;
        for &i in idxs {
            match package_annotation(&sources[i].text) {
                Ok(Some((a, line))) => {
                    if let Some((_, _, first)) = &annotation {
                        errors.push(PolicyError {
                            file: sources[i].label.clone(),
                            line: Some(line),
                            message: format!(
                                "package {package} already has METADATA in {}",
                                sources[*first].label
                            ),
                        });
                    } else {
                        annotation = Some((a, line, i));
                    }
                }
                Ok(None) => {}
                Err(e) => errors.push(PolicyError {
                    file: sources[i].label.clone(),
                    line: Some(e.line),
                    message: e.message,
                }),
            }
        }
        let control = match annotation {
            Some((a, line, i)) => match control_from(package, &sources[i], a, line, rules, opts) {
                Ok(c) => c,
                Err(mut e) => {
                    errors.append(&mut e);
                    continue;
                }
            },
            None => plain_control(package, &sources[idxs[0]], rules),
        };
        controls.push(control);
    }
    // Ids are what users filter, waive and baseline by: they must be unique.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for c in &controls {
        if let Some(first) = seen.insert(&c.id, &c.source) {
            errors.push(PolicyError {
                file: c.source.clone(),
                line: None,
                message: format!("duplicate control id `{}` (also in {first})", c.id),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    controls.sort_by(|a, b| a.id.cmp(&b.id));
    let refs: Vec<deps::DataRefs> = sources.iter().map(|s| deps::data_refs(&s.text)).collect();
    for c in &mut controls {
        c.modules = deps::needed_modules(&c.package, &package_names, &refs);
        c.cross_input = c.modules.iter().any(|&m| refs[m].reads_inventory());
        c.inventory = c
            .modules
            .iter()
            .map(|&m| refs[m].inventory_parts())
            .fold(Default::default(), crate::inputs::inventory::Parts::union);
    }
    Ok(ControlSet {
        engine,
        whole,
        controls,
        sources: sources.to_vec(),
        data,
    })
}

pub fn add_policy(engine: &mut regorus::Engine, src: &PolicySource) -> Result<(), PolicyError> {
    match engine.add_policy(src.label.clone(), src.text.clone()) {
        Ok(_) => Ok(()),
        Err(v1_err) if v1_err.to_string().contains("keyword is required") => {
            // conftest still accepts Rego v0 (`deny[msg] { ... }`): try it
            // before reporting the v1 error.
            engine.set_rego_v0(true);
            let v0 = engine.add_policy(src.label.clone(), src.text.clone());
            engine.set_rego_v0(false);
            v0.map(|_| ())
                .map_err(|_| regorus_error(&src.label, &v1_err))
        }
        Err(e) => Err(regorus_error(&src.label, &e)),
    }
}

fn control_from(
    package: &str,
    src: &PolicySource,
    a: Annotation,
    line: usize,
    rules: Rules,
    opts: &CompileOptions<'_>,
) -> Result<Control, Vec<PolicyError>> {
    let mut errors = Vec::new();
    let err = |message: String| PolicyError {
        file: src.label.clone(),
        line: Some(line),
        message,
    };
    let id = a.custom.id.clone().unwrap_or_else(|| package.to_owned());
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.' || c == '_')
    {
        errors.push(err(format!(
            "control id `{id}` must be kebab-case (a-z, 0-9, -)"
        )));
    }
    for c in &a.custom.soc2 {
        if criterion(c).is_none() {
            errors.push(err(format!(
                "unknown SOC 2 criterion `{c}` in control `{id}`"
            )));
        }
    }
    // Built-in controls map to the default objectives; when the organization
    // declares its own, those mappings lapse (it maps its objectives to
    // controls in assure.yaml). A user's policy must name declared ones.
    let builtin = src.is_builtin();
    let mut soc1 = Vec::new();
    for o in &a.custom.soc1 {
        if opts.objectives.iter().any(|x| &x.id == o) {
            soc1.push(o.clone());
        } else if !builtin {
            errors.push(err(format!(
                "unknown SOC 1 objective `{o}` in control `{id}`"
            )));
        }
    }
    // Each mapping says why: every criterion and objective a built-in
    // control names has its sentence (a user's control, once it gives any),
    // and no sentence names something the control does not map to.
    let declared: Vec<&String> = a.custom.soc2.iter().chain(&a.custom.soc1).collect();
    // A built-in control also says what configuration alone cannot tell.
    if builtin
        && a.custom
            .limitations
            .as_deref()
            .is_none_or(|l| l.trim().is_empty())
    {
        errors.push(err(format!(
            "control `{id}` does not say what it cannot tell (custom.limitations)"
        )));
    }
    if builtin || !a.custom.rationale.is_empty() {
        for m in &declared {
            if a.custom
                .rationale
                .get(*m)
                .is_none_or(|r| r.trim().is_empty())
            {
                errors.push(err(format!(
                    "control `{id}` maps to {m} without a rationale (custom.rationale.{m}: why a failure is an exception under it)"
                )));
            }
        }
        for k in a.custom.rationale.keys() {
            if !declared.contains(&k) {
                errors.push(err(format!(
                    "control `{id}` gives a rationale for {k}, which it does not map to"
                )));
            }
        }
    }
    let mut inputs = Vec::new();
    for k in &a.custom.inputs {
        match InputKind::from_name(k) {
            Some(kind) => inputs.push(kind),
            None => errors.push(err(format!(
                "unknown input kind `{k}` in control `{id}` (known: {})",
                InputKind::ALL.map(|k| k.name()).join(", ")
            ))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Only the mappings in force keep their sentence (objectives may lapse).
    let rationale = a
        .custom
        .rationale
        .into_iter()
        .filter(|(k, _)| a.custom.soc2.contains(k) || soc1.contains(k))
        .map(|(k, v)| (k, v.trim().to_owned()))
        .collect();
    Ok(Control {
        title: a.title.unwrap_or_else(|| package.to_owned()),
        description: a.description.unwrap_or_default().trim().to_owned(),
        severity: a.custom.severity.unwrap_or(DEFAULT_SEVERITY),
        soc2: a.custom.soc2,
        soc1,
        inputs,
        resource_types: a.custom.resource_types,
        remediation: a.custom.remediation.unwrap_or_default().trim().to_owned(),
        rationale,
        limitations: a.custom.limitations.unwrap_or_default().trim().to_owned(),
        package: package.to_owned(),
        source: src.label.clone(),
        builtin,
        rules,
        id,
        modules: Vec::new(),
        cross_input: false,
        inventory: Default::default(),
    })
}

/// A policy with no METADATA (a conftest policy): its package is its id,
/// it has no mapping and runs on every input kind.
fn plain_control(package: &str, src: &PolicySource, rules: Rules) -> Control {
    Control {
        id: package.to_owned(),
        title: package.to_owned(),
        description: String::new(),
        severity: DEFAULT_SEVERITY,
        soc2: vec![],
        soc1: vec![],
        inputs: vec![],
        resource_types: vec![],
        remediation: String::new(),
        rationale: Default::default(),
        limitations: String::new(),
        package: package.to_owned(),
        source: src.label.clone(),
        builtin: src.is_builtin(),
        rules,
        modules: Vec::new(),
        cross_input: false,
        inventory: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::builtin_sources;
    use crate::frameworks::default_objectives;

    fn src(label: &str, text: &str) -> PolicySource {
        PolicySource {
            label: label.into(),
            text: text.into(),
        }
    }

    fn compile_one(sources: &[PolicySource]) -> Result<ControlSet, Vec<PolicyError>> {
        let objectives = default_objectives();
        compile(
            sources,
            &CompileOptions {
                objectives: &objectives,
                data: vec![],
                whole_engine: true,
            },
        )
    }

    #[test]
    fn plain_conftest_policies_and_libraries() {
        let set = compile_one(&[
            src("p/main.rego", "package main\nimport data.lib.k8s\ndeny contains msg if {\n  k8s.is_pod\n  msg := \"x\"\n}\n"),
            src("p/lib.rego", "package lib.k8s\nis_pod if input.kind == \"Pod\"\n"),
            src("p/v0.rego", "package legacy\ndeny_old[msg] {\n  input.kind == \"Pod\"\n  msg := \"old\"\n}\n"),
        ])
        .unwrap();
        let ids: Vec<_> = set.controls.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["legacy", "main"]);
        assert_eq!(set.controls[0].rules.deny, ["deny_old"]);
        assert!(set.controls[1].inputs.is_empty());
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let errs = compile_one(&[src(
            "p/bad.rego",
            "package bad\n\ndeny contains msg if {\n  msg := \n}\n",
        )])
        .unwrap_err();
        assert_eq!(errs[0].file, "p/bad.rego");
        assert!(errs[0].line.is_some(), "{errs:?}");
    }

    #[test]
    fn unknown_mappings_and_duplicate_ids_are_errors() {
        let meta = |id: &str, soc2: &str| {
            format!("# METADATA\n# title: t\n# custom:\n#   id: {id}\n#   soc2: [{soc2}]\n#   inputs: [kubernetes]\npackage p{}\ndeny contains 1 if false\n", id.replace('-', "_"))
        };
        let errs = compile_one(&[src("a.rego", &meta("a-b", "CC99.1"))]).unwrap_err();
        assert!(errs[0].message.contains("CC99.1"));
        assert_eq!((errs[0].file.as_str(), errs[0].line), ("a.rego", Some(1)));
        let dup = format!("{}\n", meta("x-y", "CC6.1")).replace("package px_y", "package other");
        let errs =
            compile_one(&[src("a.rego", &meta("x-y", "CC6.1")), src("b.rego", &dup)]).unwrap_err();
        assert!(errs[0].message.contains("duplicate control id"), "{errs:?}");
    }

    #[test]
    fn builtin_library_compiles() {
        let sources = builtin_sources(false);
        let set = compile_one(&sources).unwrap();
        // One control per policy file outside the helper library: none is
        // lost, none is a library package mistaken for a control.
        let control_files = sources
            .iter()
            .filter(|s| !s.label.contains("/lib/"))
            .count();
        assert_eq!(set.controls.len(), control_files);
        assert!(set
            .controls
            .iter()
            .all(|c| c.builtin && !c.soc2.is_empty() && !c.inputs.is_empty()));
    }
}
