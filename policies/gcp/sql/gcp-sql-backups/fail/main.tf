resource "google_sql_database_instance" "no_block" { # expect-fail: gcp-sql-backups
  name             = "no-block"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "disabled" {
  name             = "disabled"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = false # expect-fail: gcp-sql-backups
    }
  }
}
