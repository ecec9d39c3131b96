resource "google_container_cluster" "dark" {
  name               = "dark"
  location           = "europe-west1"
  initial_node_count = 1
  logging_service    = "none" # expect-fail: gcp-gke-logging-monitoring
  monitoring_service = "none" # expect-fail: gcp-gke-logging-monitoring
}

resource "google_container_cluster" "no_components" {
  name               = "no-components"
  location           = "europe-west1"
  initial_node_count = 1
  logging_config {
    enable_components = [] # expect-fail: gcp-gke-logging-monitoring
  }
}
