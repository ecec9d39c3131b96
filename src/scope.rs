//! Scope: which SOC 2 criteria and SOC 1 objectives a run reports on, and
//! how that reshapes each control's mapping.

use crate::controls::Control;
use crate::frameworks::{criterion, Category, Framework, Objective};
use serde::Serialize;
use std::collections::BTreeMap;

/// What is in scope for this run.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    pub categories: Vec<Category>,
    pub objectives: Vec<Objective>,
    /// Whether the objectives are the organization's own (not the default set).
    pub custom_objectives: bool,
    /// Extra controls per objective, declared in `assure.yaml`.
    #[serde(skip)]
    pub objective_controls: BTreeMap<String, Vec<String>>,
    /// Only SOC 2 or only SOC 1 (`--framework`), or both.
    pub framework: Option<Framework>,
    /// Only these criteria and objectives (`--criteria`), or all in scope.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            categories: Category::ALL.to_vec(),
            objectives: crate::frameworks::default_objectives(),
            custom_objectives: false,
            objective_controls: BTreeMap::new(),
            framework: None,
            only: vec![],
        }
    }
}

impl Scope {
    pub fn soc2_in_scope(&self) -> bool {
        self.framework != Some(Framework::Soc1)
    }

    pub fn soc1_in_scope(&self) -> bool {
        self.framework != Some(Framework::Soc2)
    }

    pub fn has_criterion(&self, id: &str) -> bool {
        self.soc2_in_scope() && criterion(id).is_some_and(|c| self.categories.contains(&c.category))
    }

    pub fn has_objective(&self, id: &str) -> bool {
        self.soc1_in_scope() && self.objectives.iter().any(|o| o.id == id)
    }

    /// Whether coverage reports show this criterion or objective.
    pub fn shows(&self, id: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|x| x == id)
    }

    /// Fit each control's mapping to the scope: criteria of categories out
    /// of scope are dropped (they disappear from every report), objectives
    /// declared in `assure.yaml` with `controls:` are added. Built-in controls
    /// keep default objective ids only while those are in force.
    pub fn apply_to(&self, controls: &mut [Control]) {
        for c in controls.iter_mut() {
            c.soc2.retain(|id| self.has_criterion(id));
            c.soc1.retain(|id| self.has_objective(id));
            for (objective, ids) in &self.objective_controls {
                if self.has_objective(objective)
                    && ids.contains(&c.id)
                    && !c.soc1.contains(objective)
                {
                    c.soc1.push(objective.clone());
                }
            }
        }
    }
}
