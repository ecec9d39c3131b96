resource "google_container_node_pool" "pinned" {
  name    = "pinned"
  cluster = "projects/example/locations/europe-west1/clusters/main"
  management {
    auto_repair  = true
    auto_upgrade = false # expect-fail: gcp-gke-node-auto-upgrade
  }
}

resource "google_container_cluster" "inline" {
  name     = "inline"
  location = "europe-west1"
  node_pool {
    name = "default"
  }
  node_pool { # expect-fail: gcp-gke-node-auto-upgrade
    name = "frozen"
    management {
      auto_upgrade = false
    }
  }
}
