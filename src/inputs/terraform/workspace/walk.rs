//! One root's walk through its module instances: each call's source found
//! (local, or through `modules.json`), its arguments bound, nested calls
//! followed to [`MAX_MODULE_DEPTH`], and what cannot be followed said as an
//! input error or as not examined.

use super::folders::is_local;
use super::*;

/// One root's walk through its instances.
pub(super) struct Walk<'a> {
    pub(super) ws: Option<&'a Workspace>,
    pub(super) root_dir: String,
    pub(super) root_abs: Option<PathBuf>,
    /// `Key` -> `Dir` of `.terraform/modules/modules.json`, when present.
    pub(super) modules_json: Option<HashMap<String, String>>,
    pub(super) parsed: &'a mut Parsed,
    pub(super) instances: usize,
    /// What evaluated values may still hold, for the whole root.
    pub(super) budget: usize,
}

impl Walk<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn instance(
        &mut self,
        src: &ModuleSource,
        inputs: &Map<String, Value>,
        unknown: &[String],
        address: String,
        call_sites: Vec<Location>,
        root_file: Option<String>,
        stack: &mut Vec<PathBuf>,
        depth: usize,
    ) {
        let built = instance::build(src, inputs, unknown, &self.root_dir, &mut self.budget);
        if let Some((file, expr)) = &built.converted.over_budget {
            self.parsed.errors.push(InputError::new(
                file,
                format!(
                    "evaluating `{expr}` would copy more than {} MiB of values into this root module and its instances; it and later expressions stay unresolved",
                    EXPANSION_BUDGET_BYTES >> 20
                ),
            ));
        }
        let instance = (!address.is_empty()).then(|| Instance {
            address: address.clone(),
            call_sites: call_sites.clone(),
            root_file: root_file.clone().unwrap_or_default(),
        });
        self.parsed.documents.push(Document {
            kind: InputKind::Terraform,
            path: self.root_dir.clone(),
            index: self.parsed.documents.len(),
            value: Value::Object(built.converted.module),
            locator: Locator::Terraform {
                resources: built.converted.resources,
            },
            instance,
        });
        for call in built.calls {
            let call_address = if address.is_empty() {
                format!("module.{}", call.name)
            } else {
                format!("{address}.module.{}", call.name)
            };
            let site = Location {
                path: call.file.clone(),
                line: call.line,
            };
            let source = call.source.clone().unwrap_or_else(|| "?".into());
            let error = |msg: String| {
                InputError::new(&call.file, format!("module {call_address}: {msg}"))
                    .at(Some(call.line), None)
            };
            if let Some(n) = call.too_many {
                self.parsed.errors.push(error(format!(
                    "{n} instances, over the limit of {MAX_INSTANCES_PER_CALL} per call; not evaluated"
                )));
                continue;
            }
            let dir = match self.resolve(src, &call_address, call.source.as_deref()) {
                Ok(dir) => dir,
                Err(Unresolved::Error(msg)) => {
                    self.parsed.errors.push(error(msg));
                    continue;
                }
                Err(Unresolved::NotExamined(reason)) => {
                    let what = match &call.version {
                        Some(v) => format!("{call_address} (source {source}, version {v})"),
                        None => format!("{call_address} (source {source})"),
                    };
                    self.parsed.not_examined.push(Unexamined {
                        path: call.file.clone(),
                        line: Some(call.line),
                        kind: "module call".into(),
                        what,
                        reason,
                    });
                    continue;
                }
            };
            if let Some(at) = stack.iter().position(|d| *d == dir) {
                let cycle: Vec<String> = stack[at..]
                    .iter()
                    .chain(std::iter::once(&dir))
                    .map(|d| self.ws.map_or_else(|| slash_path(d), |w| w.display(d)))
                    .collect();
                self.parsed.errors.push(error(format!(
                    "module cycle ({}); not evaluated",
                    cycle.join(" -> ")
                )));
                continue;
            }
            if depth + 1 > MAX_MODULE_DEPTH {
                self.parsed.errors.push(error(format!(
                    "module calls nest more than {MAX_MODULE_DEPTH} deep; not evaluated"
                )));
                continue;
            }
            let Some(ws) = self.ws else { continue };
            let child = ws.module(&dir);
            if ws.first_report(&dir) {
                self.parsed.errors.extend(child.errors.iter().cloned());
                self.parsed.waivers.extend(child.waivers.iter().cloned());
            }
            if child.is_empty() && child.errors.is_empty() {
                self.parsed
                    .errors
                    .push(error(format!("source {source} holds no Terraform files")));
                continue;
            }
            let mut sites = call_sites.clone();
            sites.push(site.clone());
            let root_file = root_file.clone().unwrap_or_else(|| call.file.clone());
            for (suffix, args, unknown) in &call.instances {
                self.instances += 1;
                if self.instances > MAX_INSTANCES_PER_ROOT {
                    self.parsed.errors.push(error(format!(
                        "more than {MAX_INSTANCES_PER_ROOT} module instances in this root; the rest are not evaluated"
                    )));
                    return;
                }
                stack.push(dir.clone());
                self.instance(
                    &child,
                    args,
                    unknown,
                    format!("{call_address}{suffix}"),
                    sites.clone(),
                    Some(root_file.clone()),
                    stack,
                    depth + 1,
                );
                stack.pop();
            }
        }
    }

    /// Where a module call's source is.
    fn resolve(
        &self,
        caller: &ModuleSource,
        call_address: &str,
        source: Option<&str>,
    ) -> Result<PathBuf, Unresolved> {
        let Some(source) = source else {
            return Err(Unresolved::NotExamined(
                "the module block has no source assure can read".into(),
            ));
        };
        if is_local(source) {
            let (Some(ws), Some(abs)) = (self.ws, caller.abs.as_ref()) else {
                return Err(Unresolved::NotExamined(
                    "module calls are followed when their folder is scanned".into(),
                ));
            };
            let target = crate::paths::lexically_normal(&abs.join(source));
            let repo = ws.repo_of(abs).unwrap_or(abs);
            if !target.starts_with(repo) {
                return Err(Unresolved::Error(format!(
                    "source {source} is outside the repository ({}); not followed",
                    slash_path(repo)
                )));
            }
            return match target.canonicalize() {
                Ok(dir) if dir.is_dir() && dir.starts_with(repo) => Ok(dir),
                Ok(_) => Err(Unresolved::Error(format!(
                    "source {source} is not a folder inside the repository"
                ))),
                Err(e) => Err(Unresolved::Error(format!("source {source} not found: {e}"))),
            };
        }
        // A registry or remote module: where `terraform init` put it.
        let key = call_address
            .split('.')
            .filter(|p| *p != "module")
            .map(|p| p.split('[').next().unwrap_or(p))
            .collect::<Vec<_>>()
            .join(".");
        let found = self
            .modules_json
            .as_ref()
            .and_then(|m| m.get(&key))
            .zip(self.root_abs.as_ref())
            .and_then(|(dir, root)| root.join(dir).canonicalize().ok())
            .filter(|d| d.is_dir());
        found.ok_or_else(|| {
            Unresolved::NotExamined(
                "source not available locally: run terraform init, or scan a plan".into(),
            )
        })
    }
}

pub(super) enum Unresolved {
    /// An input error: the gate closes.
    Error(String),
    /// Listed as not examined, with the reason.
    NotExamined(String),
}
