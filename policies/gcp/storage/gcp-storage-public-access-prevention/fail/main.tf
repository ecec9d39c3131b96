resource "google_storage_bucket" "default" { # expect-fail: gcp-storage-public-access-prevention
  name     = "example-default"
  location = "EU"
}

resource "google_storage_bucket" "inherited" {
  name                     = "example-inherited"
  location                 = "EU"
  public_access_prevention = "inherited" # expect-fail: gcp-storage-public-access-prevention
}
