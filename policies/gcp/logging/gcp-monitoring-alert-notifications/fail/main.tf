resource "google_monitoring_alert_policy" "iam_changes" { # expect-fail: gcp-monitoring-alert-notifications
  display_name = "IAM policy changes"
  combiner     = "OR"
  conditions {
    display_name = "SetIamPolicy"
    condition_matched_log {
      filter = "protoPayload.methodName=\"SetIamPolicy\""
    }
  }
  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
  }
}

resource "google_monitoring_alert_policy" "muted" {
  display_name          = "Firewall changes"
  combiner              = "OR"
  enabled               = false # expect-fail: gcp-monitoring-alert-notifications
  notification_channels = ["projects/example/notificationChannels/123"]
  conditions {
    display_name = "firewall"
    condition_matched_log {
      filter = "resource.type=\"gce_firewall_rule\""
    }
  }
}
