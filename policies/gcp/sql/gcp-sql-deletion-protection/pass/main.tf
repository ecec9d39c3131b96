resource "google_sql_database_instance" "protected" {
  name             = "protected"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = true
  }
}

resource "google_sql_database_instance" "terraform_default" {
  name             = "terraform-default"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}
