resource "google_kms_crypto_key_iam_member" "anyone" {
  crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "allUsers" # expect-fail: gcp-kms-public-access
}

resource "google_kms_key_ring_iam_binding" "viewers" {
  key_ring_id = "projects/example/locations/europe/keyRings/app"
  role        = "roles/cloudkms.viewer"
  members     = ["group:security@example.com", "allAuthenticatedUsers"] # expect-fail: gcp-kms-public-access
}
