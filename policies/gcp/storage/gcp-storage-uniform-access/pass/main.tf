resource "google_storage_bucket" "records" {
  name                        = "example-records"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket" "legacy" {
  name               = "example-legacy"
  location           = "EU"
  bucket_policy_only = true
}
