variable "admin_password" {
  type      = string
  sensitive = true
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west1"
  initial_node_count = 1
  master_auth {
    username = "admin" # expect-fail: gcp-gke-legacy-auth
    password = var.admin_password
    client_certificate_config {
      issue_client_certificate = true # expect-fail: gcp-gke-legacy-auth
    }
  }
}
