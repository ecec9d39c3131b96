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
#   rationale:
#     CC8.1: >-
#       Without code-owner review, any collaborator with write access can approve
#       a change, not the people responsible for the code it touches.
#     ITGC-CM-1: >-
#       The approval by someone other than the author is not routed to an
#       authorized owner of the affected system.
#   limitations: >-
#     Whether a CODEOWNERS file exists and covers the changed paths is not
#     checked; review rules set by rulesets outside Terraform are not seen.
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
