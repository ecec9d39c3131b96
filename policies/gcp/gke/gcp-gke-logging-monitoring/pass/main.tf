resource "google_container_cluster" "observed" {
  name               = "observed"
  location           = "europe-west1"
  initial_node_count = 1
  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS"]
  }
}
