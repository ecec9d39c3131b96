resource "google_container_cluster" "shielded" {
  name               = "shielded"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.shielded.id
  node_config {
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}
