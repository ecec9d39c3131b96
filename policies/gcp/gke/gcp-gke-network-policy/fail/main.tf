resource "google_container_cluster" "flat" { # expect-fail: gcp-gke-network-policy
  name               = "flat"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "disabled" {
  name               = "disabled"
  location           = "europe-west1"
  initial_node_count = 1
  network_policy {
    enabled = false # expect-fail: gcp-gke-network-policy
  }
}
