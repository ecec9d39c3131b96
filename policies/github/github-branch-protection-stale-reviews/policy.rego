# METADATA
# title: Protected branches dismiss stale approvals
# description: >-
#   If an approval survives new commits, an author can get a small change
#   approved, then push anything: the approval no longer covers what merges.
# custom:
#   id: github-branch-protection-stale-reviews
#   severity: medium
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-1]
#   inputs: [terraform]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: Set dismiss_stale_reviews = true in required_pull_request_reviews.
#   rationale:
#     CC8.1: >-
#       An approval that survives new commits no longer covers what is merged, so
#       later commits go in unapproved.
#     ITGC-CM-1: >-
#       Commits pushed after the approval are merged without review by anyone
#       other than their author.
#   limitations: >-
#     Rulesets outside Terraform, and other settings with the same effect such as
#     requiring approval of the last push, are not considered.
package assure.github.stale_reviews

import data.assure.lib.github as gh
import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in gh.protections

deny contains {"msg": msg, "resource": p.id, "attribute": "required_pull_request_reviews.dismiss_stale_reviews"} if {
	some p in gh.protections
	not tf.is_true(object.get(gh.reviews(p), "dismiss_stale_reviews", false))
	msg := sprintf("%s keeps approvals after new commits", [p.id])
}
