# OPA accepts this (the comprehension's `name` is bound by the `:=` that
# follows it in the same body; OPA reorders the body); regorus 0.14.1
# refuses it: "var `name` used before definition below".
# Reduced from conftest's examples/combine/policy/duplicate.rego, which
# conftest runs (its acceptance suite expects a verdict from it).
# regorus-says: var `name` used before definition
package main

import rego.v1

deny contains msg if {
	some name in {"a"}
	found := [name | some i; input[i] == name; name := input[i]]
	count(found) > 1
	msg := "duplicate"
}
