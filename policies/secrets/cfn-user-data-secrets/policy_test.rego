package assure.secrets.cfn_user_data_secrets_test

import data.assure.secrets.cfn_user_data_secrets as c
import rego.v1

instance(user_data) := {"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-1", "UserData": user_data}}}}

script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMAAA\nexport AWS_SECRET_ACCESS_KEY=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\n"

test_base64_script_fails if {
	found := c.deny with input as instance({"Fn::Base64": script})
	{f.msg | some f in found} == {
		"UserData of Web holds an AWS access key id (line 2 of the script)",
		"UserData of Web sets AWS_SECRET_ACCESS_KEY to a literal value (line 3 of the script)",
	}
	every f in found {
		f.attribute == "Properties.UserData"
	}
}

test_sub_join_and_encoded_forms_fail if {
	count(c.deny) == 1 with input as instance({"Fn::Base64": {"Fn::Sub": "#!/bin/bash\nexport DB_PASSWORD=hunter2\nexport HOST=${DbHost}\n"}})
	count(c.deny) == 1 with input as instance({"Fn::Base64": {"Fn::Sub": ["#!/bin/bash\nexport API_TOKEN=s3cr3t-t0ken\n", {"X": "y"}]}})
	count(c.deny) == 1 with input as instance({"Fn::Base64": {"Fn::Join": ["", ["#!/bin/bash\n", "export DB_PASSWORD=hunter2\n"]]}})
	count(c.deny) == 1 with input as instance(base64.encode("#!/bin/bash\nexport DB_PASSWORD=hunter2\n"))
	count(c.deny) == 1 with input as instance({"Fn::If": ["Prod", {"Fn::Base64": "#!/bin/sh\necho ok\n"}, {"Fn::Base64": "#!/bin/sh\nexport DB_PASSWORD=hunter2\n"}]})
}

test_launch_template_fails if {
	lt := {"Resources": {"Lt": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"UserData": {"Fn::Base64": script}}}}}}
	found := c.deny with input as lt
	count(found) == 2
	every f in found {
		f.attribute == "Properties.LaunchTemplateData.UserData"
	}
}

test_references_pass if {
	count(c.deny) == 0 with input as instance({"Fn::Base64": {"Fn::Sub": "#!/bin/bash\nexport DB_PASSWORD=${DbPassword}\nexport TOKEN='{{resolve:secretsmanager:api:SecretString:token}}'\n"}})
	count(c.deny) == 0 with input as instance({"Fn::Base64": {"Fn::Join": ["", ["#!/bin/bash\nexport DB_PASSWORD=", {"Ref": "DbPassword"}, "\n"]]}})
	count(c.deny) == 0 with input as {"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-1"}}}}
	count(c.deny) == 0 with input as instance({"Ref": "UserDataParam"})
	count(c.deny) == 0 with input as {"Resources": {"Lt": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": "x"}}}}
}
