resource "google_logging_organization_sink" "audit" { # expect-fail: gcp-logging-sinks
  name        = "audit"
  org_id      = "1234567"
  destination = "storage.googleapis.com/example-audit-logs"
  filter      = "logName:\"cloudaudit.googleapis.com\""
}

resource "google_logging_project_sink" "paused" {
  name        = "paused"
  destination = "bigquery.googleapis.com/projects/example/datasets/logs"
  disabled    = true # expect-fail: gcp-logging-sinks
}
