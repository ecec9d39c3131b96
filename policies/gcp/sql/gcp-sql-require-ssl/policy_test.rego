package assure.gcp.sql_require_ssl_test

import data.assure.gcp.sql_require_ssl as p
import rego.v1

db(ip) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "settings": [{"ip_configuration": [ip]}]}]}}}

test_encrypted_only_passes if {
	count(p.deny) == 0 with input as db({"ssl_mode": "ENCRYPTED_ONLY"})
	count(p.deny) == 0 with input as db({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"})
}

test_require_ssl_accepted if {
	count(p.deny) == 0 with input as db({"require_ssl": true})
	count(p.deny) == 1 with input as db({"require_ssl": false})
}

test_allow_unencrypted_fails if {
	count(p.deny) == 1 with input as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"})
	count(p.deny) == 1 with input as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true})
}

test_missing_fails if {
	count(p.deny) == 1 with input as db({"ipv4_enabled": false})
	count(p.deny) == 1 with input as {"resource": {"google_sql_database_instance": {"db": [{"name": "db"}]}}}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as db({"ssl_mode": "${var.ssl_mode}"})
}

test_null_mode_is_the_default if {
	count(p.deny) == 1 with input as db({"ssl_mode": null, "ipv4_enabled": null})
	count(p.deny) == 0 with input as db({"ssl_mode": null, "require_ssl": true})
}
