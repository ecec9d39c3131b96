resource "google_compute_ssl_policy" "legacy" {
  name            = "legacy"
  profile         = "COMPATIBLE"
  min_tls_version = "TLS_1_0" # expect-fail: gcp-lb-ssl-policy-tls
}

resource "google_compute_ssl_policy" "unset" { # expect-fail: gcp-lb-ssl-policy-tls
  name    = "unset"
  profile = "MODERN"
}

resource "google_compute_target_https_proxy" "web" { # expect-fail: gcp-lb-ssl-policy-tls
  name             = "web"
  url_map          = "url-map"
  ssl_certificates = ["cert"]
}
