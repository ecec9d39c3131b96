resource "google_container_cluster" "open" { # expect-fail: gcp-gke-control-plane-access
  name               = "open"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "everyone" {
  name               = "everyone"
  location           = "europe-west1"
  initial_node_count = 1
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "vpc"
    }
    cidr_blocks { # expect-fail: gcp-gke-control-plane-access
      cidr_block   = "0.0.0.0/0"
      display_name = "anyone"
    }
  }
}
