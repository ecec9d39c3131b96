resource "google_project_iam_member" "viewer" {
  project = "example-project"
  role    = "roles/viewer"
  member  = "group:auditors@example.com"
}

resource "google_project_iam_binding" "developers" {
  project = "example-project"
  role    = "roles/container.developer"
  members = ["group:developers@example.com"]
}
