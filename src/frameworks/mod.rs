//! Frameworks, as catalog data only: the SOC 2 Trust Services Criteria
//! (built in) and SOC 1 control objectives (the organization's own; a
//! default IT general control set when none are declared). What is in scope
//! for a run is decided by the scope module; what a scan says about each criterion is
//! computed beside the results.

use serde::{Deserialize, Serialize};

/// The two report frameworks a run can be limited to (`--framework`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Framework {
    Soc2,
    Soc1,
}

/// A SOC 2 category; Security (the Common Criteria) is always in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::Confidentiality,
        Category::ProcessingIntegrity,
        Category::Privacy,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Category::Security => "Security",
            Category::Availability => "Availability",
            Category::Confidentiality => "Confidentiality",
            Category::ProcessingIntegrity => "Processing Integrity",
            Category::Privacy => "Privacy",
        }
    }
}

/// One Trust Services Criterion.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Criterion {
    pub id: &'static str,
    pub category: Category,
    /// `CC6`, `A1`, `P4`...
    pub series: &'static str,
    /// Our own short title (not the AICPA wording).
    pub title: &'static str,
}

/// A SOC 1 control objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objective {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The 61 criteria of the 2017 Trust Services Criteria (2022 points of focus).
pub static SOC2_CRITERIA: &[Criterion] = &[
    Criterion {
        id: "CC1.1",
        category: Category::Security,
        series: "CC1",
        title: "commitment to integrity and ethical values",
    },
    Criterion {
        id: "CC1.2",
        category: Category::Security,
        series: "CC1",
        title: "board independence and oversight of controls",
    },
    Criterion {
        id: "CC1.3",
        category: Category::Security,
        series: "CC1",
        title: "structures, reporting lines and authorities",
    },
    Criterion {
        id: "CC1.4",
        category: Category::Security,
        series: "CC1",
        title: "attracting, developing and keeping competent people",
    },
    Criterion {
        id: "CC1.5",
        category: Category::Security,
        series: "CC1",
        title: "holding people accountable for control duties",
    },
    Criterion {
        id: "CC2.1",
        category: Category::Security,
        series: "CC2",
        title: "obtaining and using relevant, quality information",
    },
    Criterion {
        id: "CC2.2",
        category: Category::Security,
        series: "CC2",
        title: "internal communication of control information",
    },
    Criterion {
        id: "CC2.3",
        category: Category::Security,
        series: "CC2",
        title: "communication with external parties",
    },
    Criterion {
        id: "CC3.1",
        category: Category::Security,
        series: "CC3",
        title: "objectives clear enough to assess risks",
    },
    Criterion {
        id: "CC3.2",
        category: Category::Security,
        series: "CC3",
        title: "identifying and analysing risks",
    },
    Criterion {
        id: "CC3.3",
        category: Category::Security,
        series: "CC3",
        title: "considering fraud risk",
    },
    Criterion {
        id: "CC3.4",
        category: Category::Security,
        series: "CC3",
        title: "changes that could affect internal control",
    },
    Criterion {
        id: "CC4.1",
        category: Category::Security,
        series: "CC4",
        title: "ongoing and separate evaluations of controls",
    },
    Criterion {
        id: "CC4.2",
        category: Category::Security,
        series: "CC4",
        title: "communicating control deficiencies",
    },
    Criterion {
        id: "CC5.1",
        category: Category::Security,
        series: "CC5",
        title: "selecting control activities that reduce risk",
    },
    Criterion {
        id: "CC5.2",
        category: Category::Security,
        series: "CC5",
        title: "general controls over technology",
    },
    Criterion {
        id: "CC5.3",
        category: Category::Security,
        series: "CC5",
        title: "control activities deployed through policies and procedures",
    },
    Criterion {
        id: "CC6.1",
        category: Category::Security,
        series: "CC6",
        title: "logical access security over assets (incl. encryption at rest, key management)",
    },
    Criterion {
        id: "CC6.2",
        category: Category::Security,
        series: "CC6",
        title: "registering and authorizing users before access",
    },
    Criterion {
        id: "CC6.3",
        category: Category::Security,
        series: "CC6",
        title: "role-based access, least privilege, segregation of duties",
    },
    Criterion {
        id: "CC6.4",
        category: Category::Security,
        series: "CC6",
        title: "physical access to facilities and assets",
    },
    Criterion {
        id: "CC6.5",
        category: Category::Security,
        series: "CC6",
        title: "disposing of assets and the data on them",
    },
    Criterion {
        id: "CC6.6",
        category: Category::Security,
        series: "CC6",
        title: "protection against threats from outside the system boundary",
    },
    Criterion {
        id: "CC6.7",
        category: Category::Security,
        series: "CC6",
        title: "restricting and protecting data in transmission",
    },
    Criterion {
        id: "CC6.8",
        category: Category::Security,
        series: "CC6",
        title: "preventing or detecting unauthorized or malicious software",
    },
    Criterion {
        id: "CC7.1",
        category: Category::Security,
        series: "CC7",
        title: "detecting configuration changes and vulnerabilities",
    },
    Criterion {
        id: "CC7.2",
        category: Category::Security,
        series: "CC7",
        title: "monitoring components for anomalies",
    },
    Criterion {
        id: "CC7.3",
        category: Category::Security,
        series: "CC7",
        title: "evaluating security events",
    },
    Criterion {
        id: "CC7.4",
        category: Category::Security,
        series: "CC7",
        title: "responding to security incidents",
    },
    Criterion {
        id: "CC7.5",
        category: Category::Security,
        series: "CC7",
        title: "recovering from security incidents",
    },
    Criterion {
        id: "CC8.1",
        category: Category::Security,
        series: "CC8",
        title: "authorizing, testing, approving and implementing changes",
    },
    Criterion {
        id: "CC9.1",
        category: Category::Security,
        series: "CC9",
        title: "mitigating business disruption risks",
    },
    Criterion {
        id: "CC9.2",
        category: Category::Security,
        series: "CC9",
        title: "managing vendor and business partner risk",
    },
    Criterion {
        id: "A1.1",
        category: Category::Availability,
        series: "A1",
        title: "capacity management and demand forecasting",
    },
    Criterion {
        id: "A1.2",
        category: Category::Availability,
        series: "A1",
        title: "environmental protections, backups and recovery infrastructure",
    },
    Criterion {
        id: "A1.3",
        category: Category::Availability,
        series: "A1",
        title: "testing recovery plans",
    },
    Criterion {
        id: "C1.1",
        category: Category::Confidentiality,
        series: "C1",
        title: "identifying and protecting confidential information",
    },
    Criterion {
        id: "C1.2",
        category: Category::Confidentiality,
        series: "C1",
        title: "disposing of confidential information",
    },
    Criterion {
        id: "PI1.1",
        category: Category::ProcessingIntegrity,
        series: "PI1",
        title: "defining and communicating processing specifications",
    },
    Criterion {
        id: "PI1.2",
        category: Category::ProcessingIntegrity,
        series: "PI1",
        title: "controls over completeness and accuracy of inputs",
    },
    Criterion {
        id: "PI1.3",
        category: Category::ProcessingIntegrity,
        series: "PI1",
        title: "controls over processing",
    },
    Criterion {
        id: "PI1.4",
        category: Category::ProcessingIntegrity,
        series: "PI1",
        title: "controls over outputs",
    },
    Criterion {
        id: "PI1.5",
        category: Category::ProcessingIntegrity,
        series: "PI1",
        title: "storing inputs, items in process and outputs",
    },
    Criterion {
        id: "P1.1",
        category: Category::Privacy,
        series: "P1",
        title: "notice of privacy practices",
    },
    Criterion {
        id: "P2.1",
        category: Category::Privacy,
        series: "P2",
        title: "choice and consent",
    },
    Criterion {
        id: "P3.1",
        category: Category::Privacy,
        series: "P3",
        title: "collecting personal information for stated objectives",
    },
    Criterion {
        id: "P3.2",
        category: Category::Privacy,
        series: "P3",
        title: "explicit consent for sensitive information",
    },
    Criterion {
        id: "P4.1",
        category: Category::Privacy,
        series: "P4",
        title: "limiting use of personal information",
    },
    Criterion {
        id: "P4.2",
        category: Category::Privacy,
        series: "P4",
        title: "retaining personal information",
    },
    Criterion {
        id: "P4.3",
        category: Category::Privacy,
        series: "P4",
        title: "disposing of personal information",
    },
    Criterion {
        id: "P5.1",
        category: Category::Privacy,
        series: "P5",
        title: "data subjects' access to their information",
    },
    Criterion {
        id: "P5.2",
        category: Category::Privacy,
        series: "P5",
        title: "correcting personal information",
    },
    Criterion {
        id: "P6.1",
        category: Category::Privacy,
        series: "P6",
        title: "disclosing to third parties with consent",
    },
    Criterion {
        id: "P6.2",
        category: Category::Privacy,
        series: "P6",
        title: "recording authorized disclosures",
    },
    Criterion {
        id: "P6.3",
        category: Category::Privacy,
        series: "P6",
        title: "recording unauthorized disclosures",
    },
    Criterion {
        id: "P6.4",
        category: Category::Privacy,
        series: "P6",
        title: "commitments from third parties",
    },
    Criterion {
        id: "P6.5",
        category: Category::Privacy,
        series: "P6",
        title: "third parties reporting unauthorized disclosures",
    },
    Criterion {
        id: "P6.6",
        category: Category::Privacy,
        series: "P6",
        title: "notifying of breaches and incidents",
    },
    Criterion {
        id: "P6.7",
        category: Category::Privacy,
        series: "P6",
        title: "accounting of disclosures to data subjects",
    },
    Criterion {
        id: "P7.1",
        category: Category::Privacy,
        series: "P7",
        title: "quality of personal information",
    },
    Criterion {
        id: "P8.1",
        category: Category::Privacy,
        series: "P8",
        title: "handling inquiries, complaints and disputes",
    },
];

/// The default SOC 1 objectives: IT general controls over logical access,
/// change management, operations and backup, and data integrity.
pub static DEFAULT_SOC1_OBJECTIVES: &[(&str, &str)] = &[
    (
        "ITGC-LA-1",
        "Access to financial systems and data is restricted to authorized, authenticated users",
    ),
    (
        "ITGC-LA-2",
        "Privileged and administrative access is limited and least-privilege",
    ),
    (
        "ITGC-LA-3",
        "Financial data is protected from unauthorized change at rest and in transit",
    ),
    (
        "ITGC-CM-1",
        "Changes to financial systems are reviewed and approved by someone other than the author",
    ),
    (
        "ITGC-CM-2",
        "Changes are tested before release and deployed through a controlled pipeline",
    ),
    (
        "ITGC-CM-3",
        "Production configuration is versioned and reproducible",
    ),
    (
        "ITGC-OP-1",
        "Financial data is backed up and can be restored",
    ),
    (
        "ITGC-OP-2",
        "Processing failures and security events are logged, monitored and alerted on",
    ),
    (
        "ITGC-DI-1",
        "Audit trails of financial records are complete, tamper-evident and retained",
    ),
    (
        "ITGC-DI-2",
        "Financial records cannot be deleted or overwritten before their retention ends",
    ),
];

/// Look up a criterion by identifier.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    SOC2_CRITERIA.iter().find(|c| c.id == id)
}

/// The default objectives as owned values.
pub fn default_objectives() -> Vec<Objective> {
    DEFAULT_SOC1_OBJECTIVES
        .iter()
        .map(|(id, title)| Objective {
            id: (*id).to_owned(),
            title: (*title).to_owned(),
            description: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalog_has_the_61_criteria_once_each() {
        assert_eq!(SOC2_CRITERIA.len(), 61);
        let ids: HashSet<_> = SOC2_CRITERIA.iter().map(|c| c.id).collect();
        assert_eq!(ids.len(), 61);
        assert_eq!(
            SOC2_CRITERIA
                .iter()
                .filter(|c| c.category == Category::Security)
                .count(),
            33
        );
        assert_eq!(criterion("CC6.1").map(|c| c.series), Some("CC6"));
        assert!(criterion("CC10.1").is_none());
    }

    #[test]
    fn catalog_matches_the_shared_reference() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/soc2-criteria.md"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return; // the reference is only beside a workplace checkout
        };
        for c in SOC2_CRITERIA {
            assert!(
                text.contains(&format!("| {} |", c.id)),
                "{} not in the reference",
                c.id
            );
        }
        for (id, _) in DEFAULT_SOC1_OBJECTIVES {
            assert!(
                text.contains(&format!("| {id} |")),
                "{id} not in the reference"
            );
        }
    }
}
