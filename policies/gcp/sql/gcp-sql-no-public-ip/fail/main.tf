resource "google_sql_database_instance" "default_ip" { # expect-fail: gcp-sql-no-public-ip
  name             = "default-ip"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "public" {
  name             = "public"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true # expect-fail: gcp-sql-no-public-ip
    }
  }
}
