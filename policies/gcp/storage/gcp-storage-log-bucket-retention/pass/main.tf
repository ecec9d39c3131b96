resource "google_storage_bucket" "audit_logs" {
  name     = "example-audit-logs"
  location = "EU"
  retention_policy {
    retention_period = 31536000
    is_locked        = true
  }
}

resource "google_logging_project_sink" "audit" {
  name        = "audit-to-gcs"
  destination = "storage.googleapis.com/${google_storage_bucket.audit_logs.name}"
}
