resource "google_project_iam_member" "owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = "user:alice@example.com" # expect-fail: gcp-iam-primitive-roles
}

resource "google_project_iam_binding" "editors" {
  project = "example-project"
  role    = "roles/editor"
  members = ["group:developers@example.com"] # expect-fail: gcp-iam-primitive-roles
}

data "google_iam_policy" "folder" {
  binding {
    role    = "roles/owner"
    members = ["domain:example.com"]
  }
}

resource "google_folder_iam_policy" "folder" {
  folder      = "folders/1234567"
  policy_data = data.google_iam_policy.folder.policy_data # expect-fail: gcp-iam-primitive-roles
}
