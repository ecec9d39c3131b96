# Data classification read from tags, so that every control about stores of
# personal or confidential data (retention, expiration, time to live) picks
# the same stores, for the same reasons, and names the class the same way.
#
# What it reads: a resource's own tags, as a Terraform `tags` map
# ({DataClassification = "PII"}) or a CloudFormation `Tags` list
# ([{Key: DataClassification, Value: PII}]). A tag counts when
# - its key, lowercased with everything but letters removed, is one of
#   dataclassification, classification, datasensitivity, sensitivity or
#   dataclass (DataClassification, data_classification, Data-Class,
#   Sensitivity, ...);
# - its value, split into lowercase words, names personal data (personal,
#   pii, phi) or, for the wider "confidential" reading, also confidential,
#   restricted or sensitive ("PII", "Personal Data", "highly-confidential");
# - and no word negates it: non, not or no ("non-personal", "not PII",
#   "no-pii"), and for the confidential reading also public
#   ("public", "restricted-public"). Public is no negation of personal:
#   personal data that is public is still personal data.
#
# Tags that are unknown before apply ("${var.tags}", merge(...) with unknown
# parts, a CloudFormation !Ref or !Sub value), tags set elsewhere (the
# provider's default_tags, tag policies) and tags of any other shape give no
# classification: such stores are not judged, and nothing raises an error.
package assure.lib.classification

import rego.v1

# Tag keys that carry a classification, in their normalized form
# (see classification_key).
keys := {"dataclassification", "classification", "datasensitivity", "sensitivity", "dataclass"}

# Words of a value that name personal data.
personal_words := {"personal", "pii", "phi"}

# Words of a value that name confidential data other than personal data.
confidential_words := {"confidential", "restricted", "sensitive"}

# Words that turn a personal classification into its opposite.
personal_negations := {"non", "not", "no"}

# Words that turn a confidential classification into its opposite: the
# negations of personal, and "public", the level below confidential.
confidential_negations := personal_negations | {"public"}

# Whether a tag key names a classification, however it is cased or
# separated (DataClassification, data_classification, Data-Class).
classification_key(key) if {
	is_string(key)
	regex.replace(lower(key), `[^a-z]`, "") in keys
}

# The lowercase words of a tag value ("Personal-Data, PII" gives personal,
# data and pii), so that a class word is matched whole, never inside
# another word; empty for anything but a string.
words(value) := {w | is_string(value); some w in regex.split(`[^a-z]+`, lower(value)); w != ""}

# Whether one tag (key and value) classifies its store as holding personal
# data: the reading of controls about personal information (P4.x).
personal(key, value) if {
	classification_key(key)
	ws := words(value)
	count(ws & personal_words) > 0
	count(ws & personal_negations) == 0
}

# Whether one tag classifies its store as holding personal or confidential
# data: the reading of controls about confidential information (C1.x),
# which personal data is part of.
confidential(key, value) if {
	classification_key(key)
	ws := words(value)
	count(ws & (personal_words | confidential_words)) > 0
	count(ws & confidential_negations) == 0
}

# The class a Terraform tags map gives a store holding personal data: the
# value of a classifying tag as written ("PII"), the smallest one when
# several tags classify it, so that messages are stable. Undefined when no
# tag classifies it or the map is unknown before apply.
tf_personal(tags) := min(values) if {
	values := {v | is_object(tags); some k, v in tags; personal(k, v)}
	count(values) > 0
}

# The class a Terraform tags map gives a store holding personal or
# confidential data; as tf_personal otherwise.
tf_confidential(tags) := min(values) if {
	values := {v | is_object(tags); some k, v in tags; confidential(k, v)}
	count(values) > 0
}

# The class a CloudFormation Tags list ({Key, Value} items) gives a store
# holding personal data; items of another shape and values set by
# intrinsic functions are skipped. Undefined when no tag classifies it.
cfn_personal(tags) := min(values) if {
	values := {p[1] | some p in cfn_pairs(tags); personal(p[0], p[1])}
	count(values) > 0
}

# The class a CloudFormation Tags list gives a store holding personal or
# confidential data; as cfn_personal otherwise.
cfn_confidential(tags) := min(values) if {
	values := {p[1] | some p in cfn_pairs(tags); confidential(p[0], p[1])}
	count(values) > 0
}

# A CloudFormation Tags list as a set of [key, value] pairs (not an object:
# every item counts, even when two items repeat a key). Empty for anything
# but a list; items that are not objects are skipped.
cfn_pairs(tags) := {[k, v] |
	is_array(tags)
	some t in tags
	is_object(t)
	k := object.get(t, "Key", "")
	v := object.get(t, "Value", "")
}
