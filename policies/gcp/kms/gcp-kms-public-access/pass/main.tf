resource "google_kms_crypto_key_iam_member" "app" {
  crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:app@example.iam.gserviceaccount.com"
}
