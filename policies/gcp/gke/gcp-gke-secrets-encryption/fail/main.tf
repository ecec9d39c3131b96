resource "google_container_cluster" "plain" { # expect-fail: gcp-gke-secrets-encryption
  name               = "plain"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "decrypted" {
  name               = "decrypted"
  location           = "europe-west1"
  initial_node_count = 1
  database_encryption {
    state    = "DECRYPTED" # expect-fail: gcp-gke-secrets-encryption
    key_name = ""
  }
}
