resource "google_compute_disk" "data" { # expect-fail: gcp-compute-disk-cmek
  name = "data"
  zone = "europe-west1-b"
  size = 100
}

resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk { # expect-fail: gcp-compute-disk-cmek
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}
