resource "google_container_cluster" "encrypted" {
  name               = "encrypted"
  location           = "europe-west1"
  initial_node_count = 1
  database_encryption {
    state    = "ENCRYPTED"
    key_name = "projects/example/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"
  }
}
