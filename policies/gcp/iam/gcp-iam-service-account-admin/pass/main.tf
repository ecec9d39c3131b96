resource "google_service_account" "app" {
  account_id = "app"
}

resource "google_project_iam_member" "app_reader" {
  project = "example-project"
  role    = "roles/storage.objectViewer"
  member  = google_service_account.app.member
}

resource "google_project_iam_member" "app_logs" {
  project = "example-project"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.app.email}"
}
