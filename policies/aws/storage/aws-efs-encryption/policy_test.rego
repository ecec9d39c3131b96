package assure.aws.efs_encryption_test

import data.assure.aws.efs_encryption as efs
import rego.v1

test_unencrypted_fails if {
	count(efs.deny) == 1 with input as {"resource": {"aws_efs_file_system": {"f": [{}]}}}
	count(efs.deny) == 1 with input as {"Resources": {"F": {"Type": "AWS::EFS::FileSystem", "Properties": {}}}}
}

test_encrypted_passes if {
	count(efs.deny) == 0 with input as {"resource": {"aws_efs_file_system": {"f": [{"encrypted": true}]}}}
}
