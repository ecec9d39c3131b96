# Which setting names and values look like secrets, for the controls that
# look for credentials written into configuration.
#
# Two kinds of detector:
# - credential(name, value): a setting whose NAME says it holds a secret
#   (DB_PASSWORD, apiKey, client_secret) set to a LITERAL value;
# - provider_secret(value): a value in the format of a provider's key or
#   token (AWS access key ids, private key blocks, GitHub, GitLab, Slack,
#   Stripe live and Google API keys), whatever its name.
#
# What is not a literal secret, and never matches:
# - references: "${...}" (Terraform, Compose, Fn::Sub, shell), "$VAR",
#   "$(cmd)", "${{ secrets.X }}" (GitHub Actions), "{{ ... }}" (templates,
#   CloudFormation {{resolve:...}} dynamic references), "((var))", "#{var}",
#   ARNs (a Secrets Manager secret or an SSM parameter named by its ARN),
#   "@Microsoft.KeyVault(...)", secret-store URIs (vault://, op://, ...),
#   file paths (/run/secrets/db), and values that are not strings;
# - empty strings, numbers and booleans ("3600", "true");
# - placeholders that announce they must be replaced: changeme, REPLACE_ME,
#   TODO, <password>, xxxx, ****, redacted, your-token-here. Such a value is
#   not a secret that leaks; if it is deployed as written it is a weak
#   default, which these detectors do not judge. Words that work as
#   passwords (admin, password, postgres, secret) are reported.
package assure.lib.secrets

import rego.v1

patterns := [
	"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "APIKEY",
	"PRIVATE_KEY", "ACCESS_KEY", "ACCESSKEY", "CREDENTIAL", "ENCRYPTION_KEY",
	"SIGNING_KEY", "MASTER_KEY", "AUTH_KEY",
]

# Names that mention a secret but hold something else: its lifetime, where
# it lives, how long it is (TOKEN_TTL, PASSWORD_FILE, SECRET_NAME,
# SECRET_ARN, TOKEN_TYPE).
not_secret_suffixes := [
	"_TTL", "_TIMEOUT", "_EXPIRY", "_EXPIRES", "_LIFETIME", "_FILE", "_PATH",
	"_DIR", "_URL", "_URI", "_ENDPOINT", "_NAME", "_ID", "_LENGTH", "_SIZE",
	"_POLICY", "_ENABLED", "_HEADER", "_ARN", "_TYPE", "_MODE", "_VERSION",
	"_REGION", "_ALGORITHM", "_FORMAT", "_PREFIX", "_SCOPE", "_SCOPES",
	"_AUDIENCE", "_SUBJECT", "_ISSUER", "_STORE", "_BACKEND", "_PROVIDER",
	"_SOURCE", "_METHOD", "_STRATEGY", "_LOCATION", "_REF", "_SECONDS",
	"_MINUTES", "_HOURS", "_DAYS", "_COUNT", "_LIMIT", "_MAX", "_MIN",
]

# A name in one spelling: upper case, words separated by underscores
# (dbPassword, db-password and db.password are DB_PASSWORD).
normalized_name(name) := n if {
	snake := regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}")
	n := upper(regex.replace(snake, `[^A-Za-z0-9]+`, "_"))
}

# Every pattern above (and PASS, PWD) holds one of these words: a name
# without any is not normalized or matched at all, which spares almost every
# setting of a scan the regular expressions below.
name_words := ["pass", "secret", "token", "key", "credential", "pwd"]

candidate_name(name) if {
	is_string(name)
	l := lower(name)
	some w in name_words
	contains(l, w)
}

secret_name(name) if {
	candidate_name(name)
	n := normalized_name(name)
	some p in patterns
	contains(n, p)
	not excluded(n)
}

# DB_PASS and DB_PWD, but not PWD (the working directory) or PASS_MAX_DAYS.
secret_name(name) if {
	candidate_name(name)
	n := normalized_name(name)
	regex.match(`(^|_)PASS$|.+_PWD$`, n)
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
	not regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
	not lower(v) in {"true", "false", "yes", "no", "on", "off"}
	not reference(v)
}

# A value that names where the secret is kept rather than holding it.
reference_patterns := [
	`^[[:space:]]*\$`, # $VAR, ${VAR}, $(cmd), ${{ secrets.X }}
	`\$\{`, # an interpolation anywhere in the value
	`\{\{.*\}\}`, # templates, {{resolve:secretsmanager:...}}
	`^\(\(.*\)\)$`, # ((var))
	`^#\{.*\}$`, # #{var}
	`^%\{.*\}$`,
	"^`", # `cmd`
	`^arn:aws[a-z-]*:`,
	`^@Microsoft\.KeyVault\(`,
	`^(vault|op|ssm|secretsmanager|awssm|aws-sm|gcpsm|azkv|keyvault|sops|ref\+[a-z0-9]+)://`,
	`^(~|\.{1,2})/[^[:space:]:]*$`, # a relative file path
	`^/(run|etc|var|secrets?|mnt|opt|home|tmp|usr|srv|app|data|config|vault|root|workspace|certs?|keys?)(/[^[:space:]:]*)?$`, # an absolute one
	`^[^[:space:]]+\.(json|pem|key|p12|pfx|crt|cer|jks|keystore)$`, # a file name
	`^https?://[^@?#[:space:]]*$`, # a URL with no user info or query
]

reference(v) if {
	is_string(v)
	some p in reference_patterns
	regex.match(p, v)
}

placeholder_words := {
	"changeme", "change_me", "change-me", "changeit", "replaceme", "replace_me",
	"replace-me", "todo", "tbd", "fixme", "placeholder", "redacted", "none",
	"null", "nil", "undefined", "<redacted>", "[redacted]",
}

placeholder(v) if lower(trim_space(v)) in placeholder_words

# <password>, [token], xxxx, ****, ..., ----
placeholder(v) if regex.match(`^[[:space:]]*(<[^<>]*>|\[[^\[\]]*\])[[:space:]]*$`, v)

placeholder(v) if regex.match(`^[[:space:]]*([xX*.#_-])+[[:space:]]*$`, v)

# your-password-here, your_api_key, insert-token-here, <your token>
placeholder(v) if regex.match(`^(your|insert|enter|replace|put)[-_ ]|[-_ ]here$`, lower(trim_space(v)))

# A setting whose name says it holds a secret, set to a literal value.
credential(name, v) if {
	secret_name(name)
	secret_value(v)
	not placeholder(v)
}

# Resource arguments and properties (Terraform, CloudFormation) are named by
# a provider's schema, and some names that mention a secret hold a mode, a
# duration, a template or a list of permissions: IMDS http_tokens
# ("required"), Cognito token_validity_units ("hours"), a password policy's
# password_change_interval ("30s"), Secrets Manager's SecretStringTemplate,
# CodeBuild's registry_credential.credential (the name of a secret), a
# Lambda permission's event_source_token (an Alexa skill id), a custom
# resource's ServiceToken (an ARN), KMS customer_master_key_spec
# ("RSA_2048"). These are not credentials, on top of
# what excluded() already says; the other detectors do not use them, so
# their results do not change.
not_secret_argument_suffixes := [
	"_INTERVAL", "_DURATION", "_PERIOD", "_WINDOW", "_AGE", "_DELAY",
	"_EXPRESSION", "_SCHEDULE", "_RETENTION", "_TEMPLATE", "_PERMISSIONS",
	"_COMPLEXITY", "_STATUS", "_STATE", "_BEHAVIOR", "_FREQUENCY",
	"_AUTHENTICATION", "_REQUIRED", "_DISABLED", "_VALIDITY", "_UNITS", "_SPEC",
]

# Idempotency tokens (EFS creation_token, ClientRequestToken) are names
# chosen so that a retried request is not applied twice.
not_secret_argument_names := {
	"HTTP_TOKENS", "EVENT_SOURCE_TOKEN", "SERVICE_TOKEN", "CREATION_TOKEN",
	"CLIENT_REQUEST_TOKEN", "CLIENT_TOKEN", "IDEMPOTENCY_TOKEN",
	# Windows unattend passes ("oobeSystem", azurerm additional_unattend_*).
	"PASS",
}

# Blocks whose settings are not credentials, whatever their names.
not_secret_argument_parents := {"TOKEN_VALIDITY_UNITS", "REGISTRY_CREDENTIAL"}

not_secret_argument(_, name) if {
	candidate_name(name)
	normalized_name(name) in not_secret_argument_names
}

not_secret_argument(_, name) if {
	candidate_name(name)
	n := normalized_name(name)
	some s in not_secret_argument_suffixes
	endswith(n, s)
}

not_secret_argument(parents, _) if {
	some p in parents
	candidate_name(p)
	normalized_name(p) in not_secret_argument_parents
}

# What a resource argument or property holds when it is a secret (as
# describe() says it: a provider key kind or "a literal value"), for the
# setting `name` under the keys `parents` (outermost first). Undefined when
# it is not one.
argument_secret(parents, name, v) := what if {
	what := describe(name, v)
	not not_secret_argument(parents, name)
}

# Provider key and token formats, by what they are (messages name the kind,
# never the value). Boundaries keep them from matching inside longer words.
provider_formats := {
	"an AWS access key id": `(^|[^0-9A-Za-z])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}([^0-9A-Za-z]|$)`,
	"a private key": `(?s)-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----.*?[A-Za-z0-9+/]{32}`,
	"a GitHub token": `(^|[^0-9A-Za-z])gh[pousr]_[A-Za-z0-9]{36}([^0-9A-Za-z]|$)`,
	"a GitHub fine-grained token": `(^|[^0-9A-Za-z])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}([^0-9A-Za-z]|$)`,
	"a GitLab token": `(^|[^0-9A-Za-z])glpat-[A-Za-z0-9_-]{20,}`,
	"a Slack token": `(^|[^0-9A-Za-z])xox[baprs]-[0-9]+-[0-9A-Za-z-]{10,}`,
	"a Stripe live key": `(^|[^0-9A-Za-z])[sr]k_live_[0-9A-Za-z]{24,}`,
	"a Google API key": `(^|[^0-9A-Za-z])AIza[0-9A-Za-z_-]{35}([^0-9A-Za-z_-]|$)`,
}

# A literal piece each format must contain: a value with none of them is
# not matched against the format at all. Nearly every value of a scan has
# none, and a substring test costs far less than a regular expression.
provider_markers := {
	"an AWS access key id": ["AKIA", "ASIA", "ABIA", "ACCA"],
	"a private key": ["PRIVATE KEY"],
	"a GitHub token": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
	"a GitHub fine-grained token": ["github_pat_"],
	"a GitLab token": ["glpat-"],
	"a Slack token": ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"],
	"a Stripe live key": ["k_live_"],
	"a Google API key": ["AIza"],
}

# The kinds of provider key a string holds (empty when none).
provider_secret_kinds(v) := {kind |
	is_string(v)
	some kind, p in provider_formats
	some marker in provider_markers[kind]
	contains(v, marker)
	regex.match(p, v)
}

provider_secret(v) if count(provider_secret_kinds(v)) > 0

# One kind to name in a message ("an AWS access key id").
provider_secret_kind(v) := min(provider_secret_kinds(v)) if provider_secret(v)

# What a message says a setting holds: the provider key kind when it has
# one, else "a literal value". Defined only when the setting is a secret.
describe(_, v) := provider_secret_kind(v) if provider_secret(v)

describe(name, v) := "a literal value" if {
	not provider_secret(v)
	credential(name, v)
}

# A setting that holds a secret: a credential or a provider key.
secret_setting(name, v) if credential(name, v)

secret_setting(_, v) if provider_secret(v)

# Secrets assigned in a script or config file (user data): one object per
# line holding one, {line (1-based), name, what}. Assignments are
# NAME=value tokens anywhere on a line (export X=..., docker run -e X=...,
# --password=..., $env:X = "...", key = value in properties files), and
# `key: value` lines of a #cloud-config document; provider key formats are
# found anywhere. A value that is a whole unevaluated Terraform expression
# (base64encode("...") or templatefile("init.sh", { password = var.password }))
# is read with its "\n" escapes as line breaks, and its references
# (var.password) and function calls are not literals.
script_secrets(text) := line_secrets(text) | private_key_blocks(text)

line_secrets(text) := {f |
	is_string(text)
	mode := script_mode(text)
	some i, line in split(script_text(text, mode), "\n")
	f := line_secret(line, i + 1, mode)
}

# A private key spans lines: found from its BEGIN line, with the lines after.
private_key_blocks(text) := {f |
	is_string(text)
	lines := split(script_text(text, script_mode(text)), "\n")
	some i, line in lines
	contains(line, "PRIVATE KEY")
	regex.match(`-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----`, line)
	regex.match(provider_formats["a private key"], concat("\n", array.slice(lines, i, i + 4)))
	f := {"line": i + 1, "name": "", "what": "a private key"}
}

script_mode(text) := "expression" if regex.match(`^[[:space:]]*\$\{(.|\n)*\}[[:space:]]*$`, text)

else := "cloud-config" if startswith(trim_space(text), "#cloud-config")

else := "script"

script_text(text, "expression") := replace(text, "\\n", "\n")

script_text(text, mode) := text if mode != "expression"

assignment_pattern := `(^|[[:space:];&|(,{])(export[[:space:]]+|--?|\$env:|\$)?[A-Za-z_][A-Za-z0-9_.-]*[[:space:]]*=[[:space:]]*("[^"]*"|'[^']*'|[^[:space:];&|),}"]+)`

# Each assignment on a line as [name, value as written].
raw_assignments(line) := {[name, value] |
	some token in regex.find_n(assignment_pattern, line, -1)
	t := regex.replace(token, `^[[:space:];&|(,{]*(export[[:space:]]+|--?|\$env:|\$)?`, "")
	eq := indexof(t, "=")
	eq > 0
	name := trim_space(substring(t, 0, eq))
	value := trim_space(substring(t, eq + 1, -1))
}

# Assignments as [name, value], quotes removed; in an expression, HCL
# references and function calls are not literals.
assignments(line, mode) := {[a[0], unquote(a[1])] |
	some a in raw_assignments(line)
	not hcl_reference(a[1], mode)
}

hcl_reference(v, "expression") if regex.match(`^((var|local|data|module|each|count|self|path|terraform)\.[^[:space:]]*|[a-z][a-z0-9_]*\(.*)$`, v)

yaml_assignments(line) := {[name, value] |
	m := regex.find_n(`^[[:space:]]*-?[[:space:]]*[A-Za-z_][A-Za-z0-9_.-]*:[[:space:]]+[^[:space:]].*$`, line, 1)
	count(m) == 1
	t := regex.replace(m[0], `^[[:space:]]*-?[[:space:]]*`, "")
	c := indexof(t, ":")
	name := substring(t, 0, c)
	value := unquote(trim_space(substring(t, c + 1, -1)))
}

unquote(s) := substring(s, 1, count(s) - 2) if {
	count(s) >= 2
	regex.match(`^("[^"]*"|'[^']*')$`, s)
} else := s

# Provider key formats first: one finding per line.
line_secret(line, n, _) := {"line": n, "name": "", "what": provider_secret_kind(line)} if provider_secret(line)

line_secret(line, n, mode) := {"line": n, "name": name, "what": "a literal value"} if {
	not provider_secret(line)
	names := [a[0] | some a in assignments(line, mode); credential(a[0], a[1])]
	count(names) > 0
	name := min(names)
}

line_secret(line, n, "cloud-config") := {"line": n, "name": name, "what": "a literal value"} if {
	not provider_secret(line)
	not assignment_on(line)
	names := [a[0] | some a in yaml_assignments(line); credential(a[0], a[1])]
	count(names) > 0
	name := min(names)
}

assignment_on(line) if {
	some a in assignments(line, "cloud-config")
	credential(a[0], a[1])
}

# Text of a user data value: decoded when it is base64 (launch templates
# and user_data_base64 hold it so).
decoded(v) := base64.decode(trimmed) if {
	is_string(v)
	trimmed := trim_space(v)
	count(trimmed) >= 8
	count(trimmed) % 4 == 0
	regex.match(`^[A-Za-z0-9+/]+={0,2}$`, trimmed)
	base64.is_valid(trimmed)
} else := v

# What every secret name or provider key format holds. A resource whose
# text (names and values, as JSON) holds none of it cannot set a secret and
# need not be walked setting by setting: nearly every resource of a scan
# holds none, and one match over its text (a cached regular expression)
# costs far less than judging each of its settings.
prefilter := `(?i)pass|pwd|secret|token|credential|(api|private|access|encryption|signing|master|auth)[^a-z0-9]?key|akia|asia|abia|acca|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|k_live_|aiza`

may_hold_secret(body) if regex.match(prefilter, json.marshal(body))
