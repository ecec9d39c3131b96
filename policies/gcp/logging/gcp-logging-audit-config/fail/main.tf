resource "google_project" "app" { # expect-fail: gcp-logging-audit-config
  name       = "app"
  project_id = "example-app"
  org_id     = "1234567"
}

resource "google_project" "data" {
  name       = "data"
  project_id = "example-data"
  org_id     = "1234567"
}

resource "google_project_iam_audit_config" "data" { # expect-fail: gcp-logging-audit-config
  project = google_project.data.project_id
  service = "allServices"
  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config { # expect-fail: gcp-logging-audit-config
    log_type         = "DATA_WRITE"
    exempted_members = ["user:batch@example.com"]
  }
}
