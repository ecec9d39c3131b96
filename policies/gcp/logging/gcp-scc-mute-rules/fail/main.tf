resource "google_scc_v2_organization_mute_config" "quiet" {
  mute_config_id = "quiet"
  organization   = "1234567"
  location       = "global"
  type           = "STATIC"
  filter         = "severity=\"HIGH\" OR severity=\"CRITICAL\"" # expect-fail: gcp-scc-mute-rules
}
