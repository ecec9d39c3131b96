resource "google_compute_subnetwork" "default_off" { # expect-fail: gcp-subnet-private-google-access
  name          = "default-off"
  ip_cidr_range = "10.0.0.0/24"
  region        = "europe-west1"
  network       = "vpc"
}

resource "google_compute_subnetwork" "off" {
  name                     = "off"
  ip_cidr_range            = "10.0.1.0/24"
  region                   = "europe-west1"
  network                  = "vpc"
  private_ip_google_access = false # expect-fail: gcp-subnet-private-google-access
}
