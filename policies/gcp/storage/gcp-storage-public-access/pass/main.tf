resource "google_storage_bucket" "records" {
  name                        = "example-records"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = google_storage_bucket.records.name
  role    = "roles/storage.objectViewer"
  members = ["group:finance@example.com", "serviceAccount:app@example-project.iam.gserviceaccount.com"]
}

resource "google_storage_bucket_iam_member" "writer" {
  bucket = google_storage_bucket.records.name
  role   = "roles/storage.objectCreator"
  member = var.writer
}

data "google_iam_policy" "private" {
  binding {
    role    = "roles/storage.admin"
    members = ["group:platform@example.com"]
  }
}

resource "google_storage_bucket_iam_policy" "policy" {
  bucket      = google_storage_bucket.records.name
  policy_data = data.google_iam_policy.private.policy_data
}

variable "writer" {
  type = string
}
