resource "google_compute_instance" "router" {
  name           = "router"
  machine_type   = "e2-medium"
  zone           = "europe-west1-b"
  can_ip_forward = true # expect-fail: gcp-compute-ip-forwarding
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}
