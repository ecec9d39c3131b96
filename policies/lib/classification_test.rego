package assure.lib.classification_test

import data.assure.lib.classification
import rego.v1

# ---- Keys -----------------------------------------------------------------

test_classification_keys_in_any_case_or_separator if {
	every key in ["DataClassification", "data_classification", "Data-Classification", "classification", "CLASSIFICATION", "DataSensitivity", "sensitivity", "Data Class", "data_class"] {
		classification.classification_key(key)
	}
}

test_other_keys_are_not_read if {
	every key in ["Team", "Owner", "Class", "sensitivity_level", "Name", "${var.key}", ""] {
		not classification.classification_key(key)
	}
	not classification.classification_key(1)
	not classification.personal("Team", "pii")
	not classification.confidential("Owner", "confidential")
}

# ---- Words ----------------------------------------------------------------

test_words_are_split_and_lowercased if {
	classification.words("Personal-Data, PII") == {"personal", "data", "pii"}
	classification.words("") == set()
	classification.words(3) == set()
	classification.words({"Ref": "Class"}) == set()
}

# ---- Personal -------------------------------------------------------------

test_personal_values if {
	every value in ["PII", "pii", "personal", "Personal Data", "PHI", "phi/pii", "sensitive_pii", "pii;confidential", "public-pii"] {
		classification.personal("DataClassification", value)
	}
}

test_not_personal if {
	every value in ["confidential", "restricted", "sensitive", "internal", "public", "non-personal", "not PII", "no-pii", "NON_PII", "nonpii", "pi", "${var.class}", ""] {
		not classification.personal("DataClassification", value)
	}
	not classification.personal("DataClassification", true)
	not classification.personal("DataClassification", {"Ref": "Class"})
}

# ---- Confidential (personal included) -------------------------------------

test_confidential_values if {
	every value in ["PII", "personal", "phi", "confidential", "Highly Confidential", "restricted", "sensitive", "Sensitive PII"] {
		classification.confidential("data_classification", value)
	}
}

test_not_confidential if {
	every value in ["internal", "public", "public-pii", "restricted-public", "non-confidential", "not sensitive", "no-pii", "${var.class}", ""] {
		not classification.confidential("data_classification", value)
	}
}

# ---- Terraform tags maps ---------------------------------------------------

test_tf_personal_class if {
	classification.tf_personal({"DataClassification": "PII", "Team": "data"}) == "PII"

	# Several classifying tags: the smallest value, for a stable message.
	classification.tf_personal({"data_classification": "personal", "Sensitivity": "phi"}) == "personal"
	classification.tf_personal({"DataClassification": "confidential", "Sensitivity": "pii"}) == "pii"
}

test_tf_personal_undefined if {
	not classification.tf_personal({"DataClassification": "confidential"})
	not classification.tf_personal({"DataClassification": "non-pii"})
	not classification.tf_personal({"Team": "pii"})
	not classification.tf_personal({})
	not classification.tf_personal("${var.tags}")
	not classification.tf_personal("${merge(var.tags, {DataClassification = \"pii\"})}")
	not classification.tf_personal([{"Key": "DataClassification", "Value": "PII"}])
	not classification.tf_personal(null)
}

test_tf_confidential_class if {
	classification.tf_confidential({"DataClassification": "restricted"}) == "restricted"
	classification.tf_confidential({"DataClassification": "PII"}) == "PII"
	classification.tf_confidential({"DataClassification": "restricted", "Sensitivity": "PII", "classification": "confidential"}) == "PII"
	not classification.tf_confidential({"DataClassification": "public"})
	not classification.tf_confidential({"DataClassification": "internal"})
	not classification.tf_confidential("${local.tags}")
}

# ---- CloudFormation Tags lists ---------------------------------------------

test_cfn_personal_class if {
	classification.cfn_personal([{"Key": "Environment", "Value": "prod"}, {"Key": "DataClassification", "Value": "pii"}]) == "pii"
	classification.cfn_personal([{"Key": "classification", "Value": "PHI"}, {"Key": "Sensitivity", "Value": "personal"}]) == "PHI"
}

test_cfn_personal_undefined if {
	not classification.cfn_personal([{"Key": "DataClassification", "Value": "confidential"}])
	not classification.cfn_personal([{"Key": "DataClassification", "Value": {"Ref": "Class"}}])
	not classification.cfn_personal([{"Key": "DataClassification", "Value": {"Fn::Sub": "${Env}-pii"}}])
	not classification.cfn_personal([{"Value": "pii"}, "x", 3])
	not classification.cfn_personal({"DataClassification": "pii"})
	not classification.cfn_personal({"Ref": "Tags"})
	not classification.cfn_personal("x")
	not classification.cfn_personal([])
}

test_cfn_confidential_class if {
	classification.cfn_confidential([{"Key": "DataClassification", "Value": "personal"}]) == "personal"
	classification.cfn_confidential([{"Key": "Sensitivity", "Value": "Restricted"}]) == "Restricted"
	not classification.cfn_confidential([{"Key": "Sensitivity", "Value": "restricted-public"}])
	not classification.cfn_confidential("x")
}

test_cfn_pairs if {
	classification.cfn_pairs([{"Key": "a", "Value": "b"}, "x", {"Key": "c"}]) == {["a", "b"], ["c", ""]}
	classification.cfn_pairs({"a": "b"}) == set()
}
