# METADATA
# title: Protected branches require review by code owners
# description: >-
#   Requiring code-owner review routes each change to the people responsible
#   for that part of the system, not to any colleague with write access.
# custom:
#   id: github-branch-protection-codeowners
#   severity: low
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-1]
#   inputs: [terraform]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: Set require_code_owner_reviews = true in required_pull_request_reviews and keep a CODEOWNERS file.
package assure.github.code_owners

import data.assure.lib.github as gh
import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in gh.protections

deny contains {"msg": msg, "resource": p.id, "attribute": "required_pull_request_reviews.require_code_owner_reviews"} if {
	some p in gh.protections
	not tf.is_true(object.get(gh.reviews(p), "require_code_owner_reviews", false))
	msg := sprintf("%s does not require code-owner review", [p.id])
}
