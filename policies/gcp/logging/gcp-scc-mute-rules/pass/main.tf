resource "google_scc_v2_organization_mute_config" "website" {
  mute_config_id = "website-bucket"
  organization   = "1234567"
  location       = "global"
  type           = "STATIC"
  description    = "The public website bucket is public on purpose"
  filter         = "category=\"PUBLIC_BUCKET_ACL\" AND resource.name=\"//storage.googleapis.com/example-website\""
}
