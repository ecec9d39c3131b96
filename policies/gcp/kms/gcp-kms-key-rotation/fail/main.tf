resource "google_kms_key_ring" "ring" {
  name     = "app"
  location = "europe"
}

resource "google_kms_crypto_key" "never" { # expect-fail: gcp-kms-key-rotation
  name     = "never"
  key_ring = google_kms_key_ring.ring.id
}

resource "google_kms_crypto_key" "yearly" {
  name            = "yearly"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "31536000s" # expect-fail: gcp-kms-key-rotation
}
