# expect-fail: gcp-sql-postgres-log-flags
resource "google_sql_database_instance" "no_flags" {
  name             = "no-flags"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "connections_off" {
  name             = "connections-off"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    database_flags { # expect-fail: gcp-sql-postgres-log-flags
      name  = "log_connections"
      value = "off"
    }
    database_flags {
      name  = "log_disconnections"
      value = "on"
    }
  }
}
