resource "google_storage_bucket" "audit_logs" { # expect-fail: gcp-storage-log-bucket-retention
  name     = "example-audit-logs"
  location = "EU"
}

resource "google_logging_project_sink" "audit" {
  name        = "audit-to-gcs"
  destination = "storage.googleapis.com/${google_storage_bucket.audit_logs.name}"
  filter      = "logName:\"cloudaudit.googleapis.com\""
}

resource "google_storage_bucket" "usage_logs" {
  name     = "example-usage-logs"
  location = "EU"
  retention_policy { # expect-fail: gcp-storage-log-bucket-retention
    retention_period = 2592000
  }
}

resource "google_storage_bucket" "data" {
  name     = "example-data"
  location = "EU"
  logging {
    log_bucket = google_storage_bucket.usage_logs.name
  }
}
