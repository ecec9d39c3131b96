resource "google_container_cluster" "node_identity" { # expect-fail: gcp-gke-workload-identity
  name               = "node-identity"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "wi" {
  name               = "wi"
  location           = "europe-west1"
  initial_node_count = 1
  workload_identity_config {
    workload_pool = "example-project.svc.id.goog"
  }
}

resource "google_container_node_pool" "legacy" {
  name    = "legacy"
  cluster = google_container_cluster.wi.id
  node_config {
    workload_metadata_config {
      mode = "GCE_METADATA" # expect-fail: gcp-gke-workload-identity
    }
  }
}
