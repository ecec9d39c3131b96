package assure.github.stale_reviews_test

import data.assure.github.stale_reviews as stale
import rego.v1

protection(reviews) := {"resource": {"github_branch_protection": {"main": [{"required_pull_request_reviews": [reviews]}]}}}

test_kept_approvals_fail if {
	count(stale.deny) == 1 with input as protection({"required_approving_review_count": 1})
}

test_dismissed_approvals_pass if {
	count(stale.deny) == 0 with input as protection({"dismiss_stale_reviews": true})
}
