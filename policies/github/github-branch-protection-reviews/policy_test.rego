package assure.github.branch_protection_reviews_test

import data.assure.github.branch_protection_reviews as bp
import rego.v1

protection(body) := {"resource": {"github_branch_protection": {"main": [body]}}}

test_no_reviews_fails if {
	count(bp.deny) == 1 with input as protection({"pattern": "main"})
}

test_zero_approvals_fails if {
	count(bp.deny) == 1 with input as protection({"required_pull_request_reviews": [{"required_approving_review_count": 0}]})
}

test_one_approval_passes if {
	count(bp.deny) == 0 with input as protection({"required_pull_request_reviews": [{"required_approving_review_count": 1}]})
}
