resource "google_compute_instance" "debug" {
  name         = "debug"
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
  metadata = {
    serial-port-enable = "TRUE" # expect-fail: gcp-compute-serial-port
  }
}

resource "google_compute_project_metadata_item" "serial" {
  key   = "serial-port-enable"
  value = "TRUE" # expect-fail: gcp-compute-serial-port
}
