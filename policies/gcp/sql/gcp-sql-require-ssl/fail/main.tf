resource "google_sql_database_instance" "default_mode" { # expect-fail: gcp-sql-require-ssl
  name             = "default-mode"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "plain" {
  name             = "plain"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect-fail: gcp-sql-require-ssl
    }
  }
}
