resource "google_storage_bucket" "site" {
  name     = "example-site"
  location = "EU"
}

resource "google_storage_bucket_iam_binding" "public_read" {
  bucket  = google_storage_bucket.site.name
  role    = "roles/storage.objectViewer"
  members = ["allUsers"] # expect-fail: gcp-storage-public-access
}

resource "google_storage_bucket_iam_member" "any_google_account" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # expect-fail: gcp-storage-public-access
  member = "allAuthenticatedUsers"
}

data "google_iam_policy" "public" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "policy" {
  bucket      = google_storage_bucket.site.name
  policy_data = data.google_iam_policy.public.policy_data # expect-fail: gcp-storage-public-access
}

resource "google_storage_bucket_acl" "acl" {
  bucket      = google_storage_bucket.site.name
  role_entity = ["OWNER:project-owners-123", "READER:allUsers"] # expect-fail: gcp-storage-public-access
}

resource "google_storage_default_object_acl" "objects" {
  bucket         = google_storage_bucket.site.name
  predefined_acl = "publicRead" # expect-fail: gcp-storage-public-access
}
