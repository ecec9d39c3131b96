resource "google_compute_subnetwork" "app" {
  name                     = "app"
  ip_cidr_range            = "10.0.0.0/24"
  region                   = "europe-west1"
  network                  = "vpc"
  private_ip_google_access = true
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_subnetwork" "proxy_only" {
  name          = "proxy-only"
  ip_cidr_range = "10.1.0.0/23"
  region        = "europe-west1"
  network       = "vpc"
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
