resource "google_kms_crypto_key" "disks" {
  name            = "disks"
  key_ring        = "projects/example/locations/europe-west1/keyRings/compute"
  rotation_period = "7776000s"
}

resource "google_compute_disk" "data" {
  name = "data"
  zone = "europe-west1-b"
  size = 100
  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.disks.id
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-medium"
  zone         = "europe-west1-b"
  boot_disk {
    kms_key_self_link = google_kms_crypto_key.disks.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  attached_disk {
    source = google_compute_disk.data.id
  }
  network_interface {
    network = "default"
  }
}
