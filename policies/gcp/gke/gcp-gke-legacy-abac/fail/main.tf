resource "google_container_cluster" "abac" {
  name               = "abac"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = true # expect-fail: gcp-gke-legacy-abac
}
