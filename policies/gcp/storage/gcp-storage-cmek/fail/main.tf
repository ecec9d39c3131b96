resource "google_storage_bucket" "data" { # expect-fail: gcp-storage-cmek
  name     = "example-data"
  location = "EU"
}
