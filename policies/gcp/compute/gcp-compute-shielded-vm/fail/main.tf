resource "google_compute_instance" "unshielded" { # expect-fail: gcp-compute-shielded-vm
  name         = "unshielded"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}

resource "google_compute_instance" "partial" {
  name         = "partial"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  shielded_instance_config {
    enable_secure_boot          = true
    enable_integrity_monitoring = false # expect-fail: gcp-compute-shielded-vm
  }
}
