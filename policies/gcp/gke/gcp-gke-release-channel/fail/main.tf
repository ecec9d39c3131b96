resource "google_container_cluster" "static" {
  name               = "static"
  location           = "europe-west1"
  initial_node_count = 1
  min_master_version = "1.29"
  release_channel {
    channel = "UNSPECIFIED" # expect-fail: gcp-gke-release-channel
  }
}
