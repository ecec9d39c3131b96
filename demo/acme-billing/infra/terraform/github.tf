resource "github_repository" "billing" {
  name       = "billing"
  visibility = "private"
}

resource "github_branch_protection" "main" {
  repository_id  = github_repository.billing.node_id
  pattern        = "main"
  enforce_admins = true

  required_pull_request_reviews {
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
    required_approving_review_count = 1
  }
}
