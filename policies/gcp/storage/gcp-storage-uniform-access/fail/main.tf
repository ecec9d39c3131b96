resource "google_storage_bucket" "default" { # expect-fail: gcp-storage-uniform-access
  name     = "example-default"
  location = "EU"
}

resource "google_storage_bucket" "acls" {
  name                        = "example-acls"
  location                    = "EU"
  uniform_bucket_level_access = false # expect-fail: gcp-storage-uniform-access
}
