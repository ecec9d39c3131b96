resource "google_compute_firewall" "everything" {
  name          = "allow-everything"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect-fail: gcp-firewall-open-all-ports
  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "tcp_range" {
  name          = "allow-tcp"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect-fail: gcp-firewall-open-all-ports
  allow {
    protocol = "tcp"
    ports    = ["0-65535"]
  }
}
