resource "google_compute_instance" "open_keys" { # expect-fail: gcp-compute-block-project-ssh-keys
  name         = "open-keys"
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

resource "google_compute_instance_template" "explicit" {
  name_prefix  = "explicit-"
  machine_type = "e2-medium"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  metadata = {
    block-project-ssh-keys = false # expect-fail: gcp-compute-block-project-ssh-keys
  }
}
