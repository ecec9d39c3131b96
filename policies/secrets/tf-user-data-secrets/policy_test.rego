package assure.secrets.tf_user_data_secrets_test

import data.assure.secrets.tf_user_data_secrets as c
import rego.v1

instance(body) := {"resource": {"aws_instance": {"web": [body]}}}

script := "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMAAA\nexport AWS_SECRET_ACCESS_KEY=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\nexport AWS_DEFAULT_REGION=us-west-2\n"

test_keys_in_user_data_fail if {
	found := c.deny with input as instance({"user_data": script})
	{f.msg | some f in found} == {
		"user_data of aws_instance.web holds an AWS access key id (line 2 of the script)",
		"user_data of aws_instance.web sets AWS_SECRET_ACCESS_KEY to a literal value (line 3 of the script)",
	}
}

test_base64_launch_template_fails if {
	found := c.deny with input as {"resource": {"aws_launch_template": {"lt": [{"user_data": base64.encode("#!/bin/sh\ndocker run -e DB_PASSWORD=hunter2 app\n")}]}}}
	{f.msg | some f in found} == {"user_data of aws_launch_template.lt sets DB_PASSWORD to a literal value (line 2 of the script)"}
	count(c.deny) == 2 with input as instance({"user_data_base64": base64.encode(script)})
}

test_references_pass if {
	count(c.deny) == 0 with input as instance({"user_data": "#!/bin/bash\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\nexport API_TOKEN=${api_token}\n"})
	count(c.deny) == 0 with input as instance({"user_data": "${templatefile(\"init.sh\", { password = var.password })}"})
	count(c.deny) == 0 with input as instance({"user_data": "${base64encode(local.script)}"})
	count(c.deny) == 1 with input as instance({"user_data": "${templatefile(\"init.sh\", {\n  db_password = \"hunter2\"\n  region = var.region\n})}"})
	count(c.deny) == 0 with input as instance({})
	count(c.resources) == 1 with input as instance({})
}

test_cloud_config_fails if {
	count(c.deny) == 1 with input as instance({"user_data": "#cloud-config\nchpasswd:\n  expire: false\nusers:\n  - name: ops\n    plain_text_passwd: Sup3rS3cret\n"})
}
