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
#   rationale:
#     CC6.8: >-
#       ADD from a URL puts whatever the server returns into the image with no
#       checksum, so a compromised download becomes software that runs in
#       production.
#     CC8.1: >-
#       What the URL serves can change between builds with no change to reviewed
#       code, so the image can carry an unreviewed change.
#     ITGC-CM-2: >-
#       The build pulls content that is not in the repository and was never part
#       of the change that was reviewed and tested.
#   limitations: >-
#     Downloads made with RUN curl or wget, and checksums verified in later RUN
#     steps, are not examined; an ADD --checksum is trusted whatever it names.
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
