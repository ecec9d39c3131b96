# METADATA
# title: Images do not ADD files from URLs
# description: >-
#   ADD <url> downloads whatever the server returns at build time, with no
#   checksum: a compromised or changed download goes straight into the image.
# custom:
#   id: dockerfile-add-url
#   severity: medium
#   soc2: [CC6.8, CC8.1]
#   soc1: [ITGC-CM-2]
#   inputs: [dockerfile]
#   remediation: Download with curl or ADD --checksum=sha256:... and verify the checksum, or COPY a vendored file.
package assure.dockerfile.add_url

import data.assure.lib.dockerfile as df
import rego.v1

resources contains df.stage_id(df.final_stage) if count(df.froms) > 0

checksummed(i) if {
	some f in i.Flags
	startswith(f, "--checksum=")
}

deny contains {"msg": msg, "resource": df.stage_id(i.Stage), "_loc": {"line": i.Line}} if {
	some i in input
	i.Cmd == "add"
	some src in array.slice(i.Value, 0, count(i.Value) - 1)
	regex.match(`^(https?|ftp)://`, src)
	not checksummed(i)
	msg := sprintf("ADD downloads %s without a checksum", [src])
}
