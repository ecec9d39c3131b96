# METADATA
# title: Cloud KMS symmetric keys rotate at least every 90 days
# description: >-
#   A key that never rotates protects ever more data with the same key
#   material, so a compromised version exposes everything encrypted with it;
#   automatic rotation limits what one key version protects.
# custom:
#   id: gcp-kms-key-rotation
#   severity: medium
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_kms_crypto_key]
#   remediation: Set rotation_period to "7776000s" (90 days) or less on the crypto key; without it the key never rotates.
#   rationale:
#     CC6.1: Key management without periodic rotation leaves one key version protecting data indefinitely.
#     ITGC-LA-3: The protection of data at rest weakens as a single key version's exposure grows.
#   limitations: >-
#     Only symmetric ENCRYPT_DECRYPT keys support automatic rotation; other
#     purposes and external keys are skipped, and rotation done by hand is
#     not seen.
package assure.gcp.kms_key_rotation

import data.assure.lib.terraform as tf
import rego.v1

max_seconds := 7776000

keys contains k if {
	some k in tf.resources("google_kms_crypto_key")
	val(k.body, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	not tf.block(k.body, "version_template").protection_level in {"EXTERNAL", "EXTERNAL_VPC"}
}

resources contains k.id if some k in keys

seconds(v) := to_number(trim_suffix(v, "s")) if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, v)
}

deny contains {"msg": msg, "resource": k.id} if {
	some k in keys
	not has(k.body, "rotation_period")
	msg := sprintf("crypto key %s has no rotation_period: it is never rotated automatically", [k.name])
}

deny contains {"msg": msg, "resource": k.id, "attribute": "rotation_period"} if {
	some k in keys
	s := seconds(k.body.rotation_period)
	s > max_seconds
	msg := sprintf("crypto key %s rotates every %d days, more than 90", [k.name, round(s / 86400)])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d
