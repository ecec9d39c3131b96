resource "google_container_cluster" "unshielded" {
  name                  = "unshielded"
  location              = "europe-west1"
  initial_node_count    = 1
  enable_shielded_nodes = false # expect-fail: gcp-gke-shielded-nodes
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.unshielded.id
  node_config {
    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = false # expect-fail: gcp-gke-shielded-nodes
    }
  }
}
