# Shared helpers for the branch protection controls.
package assure.lib.github

import data.assure.lib.terraform as tf
import rego.v1

protections contains p if {
	some t in ["github_branch_protection", "github_branch_protection_v3"]
	some p in tf.resources(t)
}

# The required_pull_request_reviews block, or an empty object.
reviews(p) := tf.block(p.body, "required_pull_request_reviews")
