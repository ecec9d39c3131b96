# METADATA
# title: Protected branches require an approving review by someone other than the author
# description: >-
#   Branch protection that does not require approving reviews lets one person
#   write, approve and merge a change to production code: no segregation of
#   duties in change management.
# custom:
#   id: github-branch-protection-reviews
#   severity: high
#   soc2: [CC8.1, CC6.3]
#   soc1: [ITGC-CM-1]
#   inputs: [terraform]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: >-
#     Add required_pull_request_reviews with required_approving_review_count
#     of at least 1 (and dismiss_stale_reviews) to the branch protection.
#   rationale:
#     CC8.1: >-
#       Without a required approving review, changes reach the protected branch
#       with no one but their author authorizing them.
#     CC6.3: >-
#       One person can write, approve and merge a change, with no segregation of
#       duties between author and approver.
#     ITGC-CM-1: >-
#       Changes are not required to be reviewed and approved by someone other
#       than the author.
#   limitations: >-
#     Rulesets and organization rules set outside Terraform are not seen; a
#     review count given by an expression unknown before apply passes, and
#     administrators may bypass the rule unless enforce_admins is set (see
#     github-branch-protection-admins).
package assure.github.branch_protection_reviews

import data.assure.lib.terraform as tf
import rego.v1

types := ["github_branch_protection", "github_branch_protection_v3"]

protections contains p if {
	some t in types
	some p in tf.resources(t)
}

resources contains p.id if some p in protections

deny contains {"msg": msg, "resource": p.id} if {
	some p in protections
	not p.body.required_pull_request_reviews
	msg := sprintf("%s does not require pull request reviews", [p.id])
}

deny contains {"msg": msg, "resource": p.id, "attribute": "required_pull_request_reviews.required_approving_review_count"} if {
	some p in protections
	some reviews in p.body.required_pull_request_reviews
	n := object.get(reviews, "required_approving_review_count", 1)
	is_number(n)
	n < 1
	msg := sprintf("%s requires %d approving reviews", [p.id, n])
}
