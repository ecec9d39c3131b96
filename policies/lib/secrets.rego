# Which setting names and values look like secrets, for the controls that
# look for credentials written into configuration.
package assure.lib.secrets

import rego.v1

patterns := ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"]

# Names that mention a secret but hold something else: its lifetime, where
# it lives, how long it is (TOKEN_TTL, PASSWORD_FILE, SECRET_NAME).
not_secret_suffixes := ["_TTL", "_TIMEOUT", "_EXPIRY", "_EXPIRES", "_LIFETIME", "_FILE", "_PATH", "_DIR", "_URL", "_URI", "_ENDPOINT", "_NAME", "_ID", "_LENGTH", "_SIZE", "_POLICY", "_ENABLED", "_HEADER"]

secret_name(name) if {
	n := upper(name)
	some p in patterns
	contains(n, p)
	not excluded(n)
}

excluded(n) if {
	some s in not_secret_suffixes
	endswith(n, s)
}

# A literal value that could be a credential: not empty, not a reference,
# not a number or a boolean.
secret_value(v) if {
	is_string(v)
	v != ""
	not startswith(v, "$")
	not regex.match(`^-?[0-9]+$`, v)
	not lower(v) in {"true", "false", "yes", "no"}
}
