resource "google_container_cluster" "rbac" {
  name               = "rbac"
  location           = "europe-west1"
  initial_node_count = 1
}
