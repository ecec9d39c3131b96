resource "google_monitoring_notification_channel" "oncall" {
  display_name = "Security on-call"
  type         = "email"
  labels = {
    email_address = "security-oncall@example.com"
  }
}

resource "google_monitoring_alert_policy" "iam_changes" {
  display_name          = "IAM policy changes"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.oncall.id]
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
