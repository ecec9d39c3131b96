resource "google_logging_organization_sink" "audit" {
  name             = "audit"
  org_id           = "1234567"
  destination      = "storage.googleapis.com/example-audit-logs"
  filter           = "logName:\"cloudaudit.googleapis.com\""
  include_children = true
}

resource "google_logging_project_sink" "app" {
  name                   = "app"
  destination            = "logging.googleapis.com/projects/example/locations/global/buckets/app"
  unique_writer_identity = true
}
