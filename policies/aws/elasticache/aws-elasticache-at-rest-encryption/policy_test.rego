package assure.aws.elasticache_at_rest_encryption_test

import data.assure.aws.elasticache_at_rest_encryption as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"at_rest_encryption_enabled": false}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"at_rest_encryption_enabled": "false"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"at_rest_encryption_enabled": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"at_rest_encryption_enabled": "true"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"at_rest_encryption_enabled": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": true}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": {"Fn::If": ["Prod", true, false]}}}}}

}
