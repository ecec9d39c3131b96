resource "google_container_cluster" "private" {
  name                     = "private"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.private.id
}
