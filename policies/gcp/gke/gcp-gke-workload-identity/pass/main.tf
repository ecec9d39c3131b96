resource "google_container_cluster" "wi" {
  name               = "wi"
  location           = "europe-west1"
  initial_node_count = 1
  workload_identity_config {
    workload_pool = "example-project.svc.id.goog"
  }
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.wi.id
  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
