resource "google_sql_database_instance" "default_zonal" { # expect-fail: gcp-sql-high-availability
  name             = "default-zonal"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "zonal" {
  name             = "zonal"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "ZONAL" # expect-fail: gcp-sql-high-availability
  }
}
