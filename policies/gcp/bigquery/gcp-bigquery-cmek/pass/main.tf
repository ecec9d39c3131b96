resource "google_bigquery_dataset" "finance" {
  dataset_id = "finance"
  location   = "EU"
  default_encryption_configuration {
    kms_key_name = "projects/example/locations/eu/keyRings/bq/cryptoKeys/finance"
  }
}
