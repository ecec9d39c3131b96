resource "google_service_account" "ci" {
  account_id = "ci"
}

resource "google_service_account_key" "ci" { # expect-fail: gcp-iam-service-account-keys
  service_account_id = google_service_account.ci.name
}
