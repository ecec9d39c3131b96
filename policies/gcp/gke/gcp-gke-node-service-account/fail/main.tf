resource "google_container_cluster" "default_pool" { # expect-fail: gcp-gke-node-service-account
  name               = "default-pool"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "main" {
  name                     = "main"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "no_account" { # expect-fail: gcp-gke-node-service-account
  name    = "no-account"
  cluster = google_container_cluster.main.id
}

resource "google_container_node_pool" "compute_default" {
  name    = "compute-default"
  cluster = google_container_cluster.main.id
  node_config {
    machine_type    = "e2-standard-4"
    service_account = "123456789-compute@developer.gserviceaccount.com" # expect-fail: gcp-gke-node-service-account
  }
}
