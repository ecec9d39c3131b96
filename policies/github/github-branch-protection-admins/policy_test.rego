package assure.github.enforce_admins_test

import data.assure.github.enforce_admins as admins
import rego.v1

test_admins_exempt_fails if {
	count(admins.deny) == 1 with input as {"resource": {"github_branch_protection": {"main": [{"pattern": "main"}]}}}
}

test_enforced_passes if {
	count(admins.deny) == 0 with input as {"resource": {"github_branch_protection_v3": {"main": [{"enforce_admins": true}]}}}
}
