resource "google_logging_project_bucket_config" "audit" {
  project        = "example-project"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 400
  locked         = true
}
