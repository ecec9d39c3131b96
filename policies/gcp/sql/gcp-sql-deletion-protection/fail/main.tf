resource "google_sql_database_instance" "unprotected" {
  name                = "unprotected"
  database_version    = "POSTGRES_15"
  region              = "europe-west1"
  deletion_protection = false # expect-fail: gcp-sql-deletion-protection
  settings {
    tier = "db-custom-2-7680"
  }
}
