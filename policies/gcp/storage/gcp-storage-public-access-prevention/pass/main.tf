variable "prevention" {
  default = "enforced"
}

resource "google_storage_bucket" "records" {
  name                     = "example-records"
  location                 = "EU"
  public_access_prevention = "enforced"
}

resource "google_storage_bucket" "from_variable" {
  name                     = "example-var"
  location                 = "EU"
  public_access_prevention = var.prevention
}
