package assure.aws.elasticache_auth_token_test

import data.assure.aws.elasticache_auth_token as p
import rego.v1

group(body) := {"resource": {"aws_elasticache_replication_group": {"g": [body]}}}

test_transit_without_auth_fails if {
	count(p.deny) == 1 with input as group({"transit_encryption_enabled": true})
	count(p.deny) == 1 with input as group({"transit_encryption_enabled": "true", "user_group_ids": []})
}

test_token_or_user_groups_pass if {
	count(p.deny) == 0 with input as group({"transit_encryption_enabled": true, "auth_token": "${var.token}"})
	count(p.deny) == 0 with input as group({"transit_encryption_enabled": true, "user_group_ids": ["${aws_elasticache_user_group.app.id}"]})
	count(p.deny) == 0 with input as group({"transit_encryption_enabled": true, "user_group_ids": "${var.groups}"})
}

test_groups_without_transit_encryption_are_not_judged if {
	count(p.deny) == 0 with input as group({})
	count(p.deny) == 0 with input as group({"transit_encryption_enabled": "${var.tls}"})
	count(p.resources) == 1 with input as group({})
}

rg(props) := {"Resources": {"G": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": props}}}

test_cloudformation if {
	count(p.deny) == 1 with input as rg({"TransitEncryptionEnabled": true})
	count(p.deny) == 0 with input as rg({"TransitEncryptionEnabled": true, "AuthToken": {"Ref": "Token"}})
	count(p.deny) == 0 with input as rg({"TransitEncryptionEnabled": true, "UserGroupIds": [{"Ref": "Users"}]})
	count(p.deny) == 0 with input as rg({})
}
