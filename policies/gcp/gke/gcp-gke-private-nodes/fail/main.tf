resource "google_container_cluster" "public" { # expect-fail: gcp-gke-private-nodes
  name               = "public"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "private" {
  name                     = "private"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

resource "google_container_node_pool" "public_pool" {
  name    = "public-pool"
  cluster = google_container_cluster.private.id
  network_config {
    enable_private_nodes = false # expect-fail: gcp-gke-private-nodes
  }
}
