resource "google_kms_key_ring" "ring" {
  name     = "storage"
  location = "europe"
}

resource "google_kms_crypto_key" "bucket" {
  name            = "bucket"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "7776000s"
}

resource "google_storage_bucket" "data" {
  name     = "example-data"
  location = "EU"
  encryption {
    default_kms_key_name = google_kms_crypto_key.bucket.id
  }
}
