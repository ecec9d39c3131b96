resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
    access_config {} # expect-fail: gcp-compute-public-ip
  }
}

resource "google_compute_instance_template" "web" {
  name_prefix  = "web-"
  machine_type = "e2-medium"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "internal"
  }
  network_interface { # expect-fail: gcp-compute-public-ip
    network = "external"
    access_config {
      network_tier = "PREMIUM"
    }
  }
}
