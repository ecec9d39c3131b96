resource "google_project" "app" {
  name       = "app"
  project_id = "example-app"
  org_id     = "1234567"
}

resource "google_project_iam_audit_config" "app" {
  project = google_project.app.project_id
  service = "allServices"
  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type = "DATA_WRITE"
  }
}
