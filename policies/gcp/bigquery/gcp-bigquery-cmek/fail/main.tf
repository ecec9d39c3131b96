resource "google_bigquery_dataset" "events" { # expect-fail: gcp-bigquery-cmek
  dataset_id = "events"
  location   = "EU"
}
