resource "google_storage_bucket" "data" { # expect-fail: gcp-storage-access-logging
  name     = "example-data"
  location = "EU"
}
