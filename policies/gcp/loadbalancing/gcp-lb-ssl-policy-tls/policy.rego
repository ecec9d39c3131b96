# METADATA
# title: HTTPS and SSL load balancers require TLS 1.2 or later
# description: >-
#   A load balancer without an SSL policy, or with a policy allowing TLS 1.0 or
#   1.1, lets clients negotiate deprecated protocol versions with known
#   weaknesses for data in transit.
# custom:
#   id: gcp-lb-ssl-policy-tls
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_compute_ssl_policy, google_compute_region_ssl_policy, google_compute_target_https_proxy, google_compute_region_target_https_proxy, google_compute_target_ssl_proxy]
#   remediation: >-
#     Attach an SSL policy with min_tls_version = "TLS_1_2" (and profile MODERN
#     or RESTRICTED) to every target HTTPS or SSL proxy.
#   rationale:
#     CC6.7: Data in transit to the service may be protected only by deprecated TLS versions.
#     ITGC-LA-3: Data sent to the application is not assured of strong protection in transit.
#   limitations: >-
#     An SSL policy given by an unevaluated reference or defined outside this
#     configuration is assumed to be adequate; Certificate Manager and
#     Cloud Armor settings are not examined.
package assure.gcp.lb_ssl_policy_tls

import data.assure.lib.terraform as tf
import rego.v1

policy_types := ["google_compute_ssl_policy", "google_compute_region_ssl_policy"]

proxy_types := ["google_compute_target_https_proxy", "google_compute_region_target_https_proxy", "google_compute_target_ssl_proxy"]

weak := {"TLS_1_0", "TLS_1_1"}

resources contains r.id if {
	some t in array.concat(policy_types, proxy_types)
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in policy_types
	some r in tf.resources(t)
	not has(r.body, "min_tls_version")
	msg := sprintf("SSL policy %s does not set min_tls_version (the default is TLS_1_0)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "min_tls_version"} if {
	some t in policy_types
	some r in tf.resources(t)
	r.body.min_tls_version in weak
	msg := sprintf("SSL policy %s allows %s", [r.name, r.body.min_tls_version])
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in proxy_types
	some r in tf.resources(t)
	not has(r.body, "ssl_policy")
	msg := sprintf("%s has no ssl_policy: Google's default policy accepts TLS 1.0", [r.id])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
