package assure.github.code_owners_test

import data.assure.github.code_owners as owners
import rego.v1

test_without_code_owners_fails if {
	count(owners.deny) == 1 with input as {"resource": {"github_branch_protection": {"main": [{"required_pull_request_reviews": [{}]}]}}}
}

test_with_code_owners_passes if {
	count(owners.deny) == 0 with input as {"resource": {"github_branch_protection": {"main": [{"required_pull_request_reviews": [{"require_code_owner_reviews": true}]}]}}}
}
