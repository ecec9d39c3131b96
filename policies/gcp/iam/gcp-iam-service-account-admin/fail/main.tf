resource "google_service_account" "app" {
  account_id = "app"
}

resource "google_project_iam_member" "app_owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = google_service_account.app.member # expect-fail: gcp-iam-service-account-admin
}

resource "google_project_iam_member" "app_iam_admin" {
  project = "example-project"
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = "serviceAccount:${google_service_account.app.email}" # expect-fail: gcp-iam-service-account-admin
}

resource "google_project_iam_binding" "editors" {
  project = "example-project"
  role    = "roles/editor"
  members = ["serviceAccount:batch@example-project.iam.gserviceaccount.com"] # expect-fail: gcp-iam-service-account-admin
}
