resource "google_container_node_pool" "managed" {
  name    = "managed"
  cluster = "projects/example/locations/europe-west1/clusters/main"
  management {
    auto_repair  = true
    auto_upgrade = true
  }
}
