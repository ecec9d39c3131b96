resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect-fail: gcp-firewall-open-admin-ports
  allow {
    protocol = "tcp"
    ports    = ["22", "443"]
  }
}

resource "google_compute_firewall" "wide" {
  name    = "allow-range"
  network = "default"
  # expect-fail: gcp-firewall-open-admin-ports
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["3000-4000"]
  }
}

resource "google_compute_network_firewall_policy_rule" "rdp" {
  firewall_policy = "policy"
  priority        = 1000
  action          = "allow"
  direction       = "INGRESS"
  match {
    src_ip_ranges = ["0.0.0.0/0"] # expect-fail: gcp-firewall-open-admin-ports
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["3389"]
    }
  }
}
