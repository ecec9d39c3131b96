resource "google_storage_bucket" "records" {
  name     = "example-records"
  location = "EU"
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      num_newer_versions = 5
    }
    action {
      type = "Delete"
    }
  }
}
