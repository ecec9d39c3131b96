package assure.aws.elasticache_transit_encryption_test

import data.assure.aws.elasticache_transit_encryption as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"transit_encryption_enabled": false}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"transit_encryption_enabled": "false"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"transit_encryption_enabled": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"transit_encryption_enabled": "true"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_elasticache_replication_group": {"x": [{"transit_encryption_enabled": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": true}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": {"Fn::If": ["Prod", true, false]}}}}}

}
