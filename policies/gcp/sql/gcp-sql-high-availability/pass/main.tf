resource "google_sql_database_instance" "regional" {
  name             = "regional"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
