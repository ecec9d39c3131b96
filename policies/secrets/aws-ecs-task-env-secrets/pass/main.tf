resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    {
      name        = "api"
      image       = "acme/api:1.4.0"
      environment = [{ name = "LOG_LEVEL", value = "info" }]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api/db-AbCdEf" },
      ]
    }
  ])
}
