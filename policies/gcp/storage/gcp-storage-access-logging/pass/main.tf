resource "google_storage_bucket" "logs" {
  name     = "example-usage-logs"
  location = "EU"
}

resource "google_storage_bucket" "data" {
  name     = "example-data"
  location = "EU"
  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}
