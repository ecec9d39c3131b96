resource "google_storage_bucket" "default" { # expect-fail: gcp-storage-versioning
  name     = "example-default"
  location = "EU"
}

resource "google_storage_bucket" "off" {
  name     = "example-off"
  location = "EU"
  versioning {
    enabled = false # expect-fail: gcp-storage-versioning
  }
}
