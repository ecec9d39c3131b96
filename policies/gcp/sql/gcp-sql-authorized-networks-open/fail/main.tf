resource "google_sql_database_instance" "open" {
  name             = "open"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
      authorized_networks { # expect-fail: gcp-sql-authorized-networks-open
        name  = "anywhere"
        value = "0.0.0.0/0"
      }
    }
  }
}
