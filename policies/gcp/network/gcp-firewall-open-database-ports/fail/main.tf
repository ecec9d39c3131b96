resource "google_compute_firewall" "postgres" {
  name          = "allow-postgres"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect-fail: gcp-firewall-open-database-ports
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "caches" {
  name          = "allow-caches"
  network       = "default"
  source_ranges = ["::/0"] # expect-fail: gcp-firewall-open-database-ports
  allow {
    protocol = "tcp"
    ports    = ["6000-7000", "11211"]
  }
}
