resource "google_compute_subnetwork" "app" { # expect-fail: gcp-subnet-flow-logs
  name          = "app"
  ip_cidr_range = "10.0.0.0/24"
  region        = "europe-west1"
  network       = "vpc"
}

resource "google_compute_subnetwork" "sampled_out" {
  name          = "sampled-out"
  ip_cidr_range = "10.0.1.0/24"
  region        = "europe-west1"
  network       = "vpc"
  log_config {
    flow_sampling = 0 # expect-fail: gcp-subnet-flow-logs
  }
}
