resource "google_logging_project_bucket_config" "default" {
  project        = "example-project"
  location       = "global"
  bucket_id      = "_Default"
  retention_days = 30 # expect-fail: gcp-logging-bucket-retention
}

resource "google_logging_project_bucket_config" "app" { # expect-fail: gcp-logging-bucket-retention
  project   = "example-project"
  location  = "global"
  bucket_id = "app"
}
