resource "google_bigquery_dataset" "shared" {
  dataset_id = "shared"
  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }
  access { # expect-fail: gcp-bigquery-dataset-public
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}

resource "google_bigquery_dataset_iam_member" "public" {
  dataset_id = google_bigquery_dataset.shared.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allUsers" # expect-fail: gcp-bigquery-dataset-public
}
