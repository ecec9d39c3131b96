resource "google_bigquery_dataset" "finance" {
  dataset_id = "finance"
  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }
  access {
    role           = "READER"
    group_by_email = "finance-analysts@example.com"
  }
}

resource "google_bigquery_dataset_iam_member" "etl" {
  dataset_id = google_bigquery_dataset.finance.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:etl@example.iam.gserviceaccount.com"
}
