package assure.aws.redshift_audit_logging_test

import data.assure.aws.redshift_audit_logging as p
import rego.v1

test_cluster_without_logging_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"c": [{}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"c": [{"logging": [{"enable": false}]}]}}}
}

test_logging_block_or_resource_passes if {
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"c": [{"logging": [{"enable": true, "bucket_name": "logs"}]}]}}}
	log := {"cluster_identifier": "${aws_redshift_cluster.c.id}", "log_destination_type": "cloudwatch", "log_exports": ["connectionlog", "userlog", "useractivitylog"]}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"c": [{}]}, "aws_redshift_logging": {"c": [log]}}}
}

test_logging_resource_for_another_cluster_does_not_count if {
	log := {"cluster_identifier": "${aws_redshift_cluster.other.id}", "log_destination_type": "cloudwatch"}
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"c": [{}]}, "aws_redshift_logging": {"c": [log]}}}
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"C": {"Type": "AWS::Redshift::Cluster", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"C": {"Type": "AWS::Redshift::Cluster", "Properties": {"LoggingProperties": {"BucketName": {"Ref": "Logs"}}}}}}
	count(p.deny) == 0 with input as {"Resources": {"C": {"Type": "AWS::Redshift::Cluster", "Properties": {"LoggingProperties": {"LogDestinationType": "cloudwatch", "LogExports": ["connectionlog"]}}}}}
}
