resource "aws_ecs_task_definition" "api" {
  family = "api"
  # expect-fail: aws-ecs-task-env-secrets
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "acme/api:1.4.0"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "STRIPE_API_KEY", value = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" },
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  # expect-fail: aws-ecs-task-env-secrets
  container_definitions = <<-EOF
    [{"name": "worker", "image": "acme/worker:2.0.1",
      "environment": [{"name": "DB_PASSWORD", "value": "Tr0ub4dor-3"}]}]
  EOF
}
