#!/usr/bin/env python3
"""Write a synthetic monorepo of N config files for assure's benchmarks.

Mixed like real infrastructure repositories: Terraform modules split over
several files (variables, count, for_each, module calls, sibling resources),
multi-document Kubernetes manifests, CloudFormation templates with short
tags, Dockerfiles and GitHub workflows; about a third of resources are
misconfigured so controls both pass and fail. About 1 in 64 files of each
kind has a secret written into it, as real repositories sometimes do:
provider keys or a literal database password in AWS Terraform modules, an
administrator password in Azure ones, a key in CloudFormation user data, an
env literal or a Secret with stringData in Kubernetes manifests, a token in
a Dockerfile ENV or in a workflow's env; some Compose files hold a
password. Which files leak follows from their index, not from the random
draws, so every other file is what it would be without them. Deterministic
for a given N.
Writes N files, or up to three more to finish a Terraform module.

With --large, writes N large files instead (Kubernetes ConfigMaps of about
1.7 MB each): few results, many bytes, to
check that memory follows the results and not the size of the repository.

    python3 bench/gen_corpus.py OUT_DIR N
    python3 bench/gen_corpus.py --large OUT_DIR N
"""
import argparse
import base64
import hashlib
import os
import random

# The shared module every service calls (written once): judged through
# those calls, with each caller's arguments.
TF_NETWORK_MODULE = '''variable "name" {
  type = string
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = {
    Name = var.name
  }
}

resource "aws_flow_log" "this" {
  vpc_id       = aws_vpc.this.id
  traffic_type = "ALL"
}

output "vpc_id" {
  value = aws_vpc.this.id
}
'''

TF_MAIN = '''module "network_{i}" {{
  source = "../../modules/network"
  name   = "svc-{i}"
  cidr   = "10.{a}.0.0/16"
}}

resource "aws_s3_bucket" "data" {{
  for_each = toset(var.buckets)
  bucket   = "svc-{i}-${{each.key}}"
  tags     = merge(var.tags, {{ Service = "svc-{i}" }})
}}

resource "aws_s3_bucket_versioning" "data" {{
  for_each = aws_s3_bucket.data
  bucket   = each.value.id
  versioning_configuration {{
    status = "{versioning}"
  }}
}}

resource "aws_kms_key" "data" {{
  description         = "svc-{i}"
  enable_key_rotation = {rotation}
}}
'''

TF_DB = '''resource "aws_db_instance" "main" {{
  count                   = var.create_db ? 1 : 0
  identifier              = "svc-{i}"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  storage_encrypted       = {enc}
  backup_retention_period = {backup}
  multi_az                = {multi_az}
  deletion_protection     = true
  publicly_accessible     = false
}}

resource "aws_cloudwatch_log_group" "app" {{
  name              = "/svc/{i}"
  retention_in_days = {retention}
}}
'''

TF_NET = '''resource "aws_security_group" "app" {{
  name   = "svc-{i}"
  vpc_id = module.network_{i}.vpc_id

  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}

  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{ssh_cidr}"]
  }}
}}

resource "aws_lb_listener" "https" {{
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "{ssl_policy}"
  certificate_arn   = var.certificate_arn
}}
'''

TF_VARS = '''variable "buckets" {{
  type    = list(string)
  default = ["raw", "curated"]
}}

variable "create_db" {{
  type    = bool
  default = true
}}

variable "certificate_arn" {{
  type = string
}}

variable "tags" {{
  type    = map(string)
  default = {{ Team = "team-{t}" }}
}}

output "bucket_arns" {{
  value = [for b in aws_s3_bucket.data : b.arn]
}}
'''

K8S = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-{i}
  namespace: team-{t}
  labels:
    app: svc-{i}
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: svc-{i}
  template:
    metadata:
      labels:
        app: svc-{i}
    spec:
      securityContext:
        runAsNonRoot: {non_root}
      containers:
        - name: app
          image: ghcr.io/acme/svc-{i}:{tag}
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 256Mi}}
          livenessProbe:
            httpGet: {{path: /live, port: 8080}}
          readinessProbe:
            httpGet: {{path: /ready, port: 8080}}
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {{name: svc-{i}, key: password}}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-{i}
  namespace: team-{t}
spec:
  selector:
    app: svc-{i}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: svc-{i}
  namespace: team-{t}
data:
  settings.json: |
    {{"feature": true, "limit": {i}}}
'''

NETPOL = '''apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: team-{t}
spec:
  podSelector: {{}}
  policyTypes: [Ingress]
'''

CFN = '''AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "svc-{i}-${{Env}}"
      VersioningConfiguration:
        Status: Enabled
{encryption}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: {enc}
      MultiAZ: !If [IsProd, true, false]
      BackupRetentionPeriod: 14
Outputs:
  BucketArn:
    Value: !GetAtt Bucket.Arn
'''

CFN_ENC = '''      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms'''

DOCKERFILE = '''# syntax=docker/dockerfile:1
FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/svc ./cmd/svc

FROM {base}
COPY --from=build /out/svc /svc
EXPOSE 8080
{user}
ENTRYPOINT ["/svc"]
'''

WORKFLOW = '''name: ci-{i}
on:
  pull_request:
  push:
    branches: [main]
{permissions}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: "1.23"
      - run: go test ./...
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {lint}
'''


# Azure and Google Cloud services, a module each (two files).
TF_AZURE = '''resource "azurerm_resource_group" "rg" {{
  name     = "svc-{i}"
  location = "westeurope"
}}

resource "azurerm_storage_account" "data" {{
  name                            = "svc{i}data"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "{tls}"
  allow_nested_items_to_be_public = {public}
}}

resource "azurerm_network_security_group" "app" {{
  name                = "svc-{i}"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name

  security_rule {{
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "{source}"
    destination_address_prefix = "*"
  }}
}}
'''

TF_AZURE_DB = '''resource "azurerm_mssql_server" "db" {{
  name                          = "svc-{i}-sql"
  resource_group_name           = azurerm_resource_group.rg.name
  location                      = azurerm_resource_group.rg.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = {public}
}}

resource "azurerm_key_vault" "kv" {{
  name                     = "svc-{i}-kv"
  location                 = azurerm_resource_group.rg.location
  resource_group_name      = azurerm_resource_group.rg.name
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = {purge}
}}

variable "tenant_id" {{
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}}
'''

TF_GCP = '''resource "google_storage_bucket" "data" {{
  name                        = "svc-{i}-data"
  location                    = "EU"
  uniform_bucket_level_access = {uniform}
  versioning {{
    enabled = true
  }}
}}

resource "google_storage_bucket_iam_member" "reader" {{
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "{member}"
}}

resource "google_compute_firewall" "ssh" {{
  name    = "svc-{i}-ssh"
  network = "default"
  allow {{
    protocol = "tcp"
    ports    = ["22"]
  }}
  source_ranges = ["{source}"]
}}
'''

TF_GCP_DB = '''resource "google_sql_database_instance" "db" {{
  name             = "svc-{i}-db"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {{
    tier = "db-custom-2-7680"
    ip_configuration {{
      ipv4_enabled = {public}
    }}
    backup_configuration {{
      enabled = true
    }}
  }}
}}

resource "google_kms_crypto_key" "key" {{
  name            = "svc-{i}"
  key_ring        = "projects/p/locations/europe/keyRings/r"
  rotation_period = "{rotation}"
}}
'''

# A Compose file, sometimes with a credential written into its environment.
COMPOSE = '''services:
  app:
    image: registry.example.com/svc-{i}:1.{i}.0
    environment:
      LOG_LEVEL: info
      DATABASE_PASSWORD: {password}
'''


# Secrets written into files, for the secrets controls. The values have the
# shape of real keys and tokens (so format detectors find them) and are made
# from a hash of the file's index: fake, and the same on every run.
TF_PROVIDER_KEYS = '''provider "aws" {{
  region     = "eu-west-1"
  access_key = "{key_id}"
  secret_key = "{secret}"
}}

'''

CFN_INSTANCE = '''  Worker:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.small
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          export AWS_ACCESS_KEY_ID={key_id}
          export AWS_SECRET_ACCESS_KEY={secret}
          /opt/svc/bootstrap --env ${{Env}}
'''

K8S_SECRET = '''---
apiVersion: v1
kind: Secret
metadata:
  name: svc-{i}-db
  namespace: team-{t}
type: Opaque
stringData:
  username: svc_{i}
  password: {password}
'''


# Which files leak: each kind of file comes back every ten indexes (every
# twenty for Dockerfiles, which share theirs with Compose files), so one
# such period in 64 gives 1 in 64 files of the kind; each secret has its own
# periods.
LEAKS = {
    "tf-provider-keys": (10, 5), "tf-db-password": (10, 37), "azure-sql-password": (10, 21),
    "k8s-env-literal": (10, 11), "k8s-secret": (10, 43), "cfn-user-data": (10, 29),
    "dockerfile-env-token": (20, 50), "workflow-env-token": (10, 13),
}


def leaks(i, what):
    """Whether file (or module) i gets the secret `what`: 1 in 64 of its kind."""
    period, offset = LEAKS[what]
    return (i // period + offset) % 64 == 0


def digest(i, what):
    return hashlib.sha256(f"{what}:{i}".encode()).digest()


def aws_key_id(i):
    return "AKIA" + base64.b32encode(digest(i, "key-id")).decode()[:16]


def aws_secret(i):
    return base64.b64encode(digest(i, "secret") + digest(i, "secret2")).decode()[:40]


def token(i, what, n):
    return base64.b64encode(digest(i, what) * 2).decode().replace("+", "").replace("/", "")[:n]


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def large(root, n):
    entries = "".join(f'  key-{j}: "value {j} {"x" * 60}"\n' for j in range(20000))
    for i in range(n):
        cm = f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\n  namespace: team-{i % 40}\ndata:\n{entries}"
        write(root, f"config/cm-{i:05}.yaml", cm)
    print(f"wrote {n} large files to {root}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", action="store_true", help="write N large files (see above)")
    parser.add_argument("out_dir")
    parser.add_argument("n", type=int)
    args = parser.parse_args()
    root, n = args.out_dir, args.n
    if args.large:
        large(root, n)
        return
    rng = random.Random(n)
    bad = lambda: rng.random() < 0.33
    files = 0
    i = 0
    while files < n:
        t = i % 40
        kind = i % 10
        cloud = (i // 10) % 5  # Terraform: 3 AWS modules for each Azure and each Google one
        if kind < 4 and cloud == 3:  # an Azure module
            d = f"infra/team-{t}/azure-{i}"
            write(root, f"{d}/main.tf", TF_AZURE.format(i=i, tls="TLS1_0" if bad() else "TLS1_2", public="true" if bad() else "false", source="*" if bad() else "10.0.0.0/8"))
            db = TF_AZURE_DB.format(i=i, public="true" if bad() else "false", purge="false" if bad() else "true")
            if leaks(i, "azure-sql-password"):
                db = db.replace('  version                       = "12.0"\n', f'  version                       = "12.0"\n  administrator_login           = "sqladmin"\n  administrator_login_password  = "Adm1n-{token(i, "sql", 10)}!"\n', 1)
            write(root, f"{d}/data.tf", db)
            files += 2
        elif kind < 4 and cloud == 4:  # a Google Cloud module
            d = f"infra/team-{t}/gcp-{i}"
            write(root, f"{d}/main.tf", TF_GCP.format(i=i, uniform="false" if bad() else "true", member="allUsers" if bad() else "group:data@example.com", source="0.0.0.0/0" if bad() else "10.0.0.0/8"))
            write(root, f"{d}/data.tf", TF_GCP_DB.format(i=i, public="true" if bad() else "false", rotation="31536000s" if bad() else "7776000s"))
            files += 2
        elif kind < 4:  # a Terraform module: four files
            d = f"infra/team-{t}/svc-{i}"
            if not os.path.exists(os.path.join(root, "infra/modules/network/main.tf")):
                write(root, "infra/modules/network/main.tf", TF_NETWORK_MODULE)
                files += 1
            main = TF_MAIN.format(i=i, a=i % 250, versioning="Suspended" if bad() else "Enabled", rotation="false" if bad() else "true")
            if leaks(i, "tf-provider-keys"):
                main = TF_PROVIDER_KEYS.format(key_id=aws_key_id(i), secret=aws_secret(i)) + main
            write(root, f"{d}/main.tf", main)
            db = TF_DB.format(i=i, enc="false" if bad() else "true", backup=1 if bad() else 14, multi_az="false" if bad() else "true", retention=30 if bad() else 400)
            if leaks(i, "tf-db-password"):
                db = db.replace('  engine                  = "postgres"\n', f'  engine                  = "postgres"\n  username                = "svc"\n  password                = "Svc-{i}-{token(i, "db", 10)}"\n', 1)
            write(root, f"{d}/database.tf", db)
            write(root, f"{d}/network.tf", TF_NET.format(i=i, ssh_cidr="0.0.0.0/0" if bad() else "10.0.0.0/8", ssl_policy="ELBSecurityPolicy-2016-08" if bad() else "ELBSecurityPolicy-TLS13-1-2-2021-06"))
            write(root, f"{d}/variables.tf", TF_VARS.format(t=t))
            files += 4
        elif kind < 7:
            manifest = K8S.format(i=i, t=t, replicas=1 if bad() else 3, non_root="false" if bad() else "true", tag="latest" if bad() else f"1.{i}.0")
            if leaks(i, "k8s-env-literal"):
                manifest = manifest.replace(f"              valueFrom:\n                secretKeyRef: {{name: svc-{i}, key: password}}\n", f"              value: Svc-{i}-{token(i, 'env', 12)}\n", 1)
            if leaks(i, "k8s-secret"):
                manifest += K8S_SECRET.format(i=i, t=t, password=f"Db-{token(i, 'stringdata', 14)}")
            write(root, f"k8s/team-{t}/svc-{i}.yaml", manifest)
            files += 1
            if i % 40 < 20 and not os.path.exists(os.path.join(root, f"k8s/team-{t}/network-policy.yaml")):
                write(root, f"k8s/team-{t}/network-policy.yaml", NETPOL.format(t=t))
                files += 1
        elif kind == 7:
            template = CFN.format(i=i, encryption="" if bad() else CFN_ENC, enc="false" if bad() else "true")
            if leaks(i, "cfn-user-data"):
                template = template.replace("Outputs:\n", CFN_INSTANCE.format(key_id=aws_key_id(i), secret=aws_secret(i)) + "Outputs:\n", 1)
            write(root, f"cloudformation/svc-{i}.yaml", template)
            files += 1
        elif kind == 8 and i % 20 == 18:
            write(root, f"services/svc-{i}/docker-compose.yml", COMPOSE.format(i=i, password="hunter2-" + str(i) if bad() else "${DATABASE_PASSWORD}"))
            files += 1
        elif kind == 8:
            dockerfile = DOCKERFILE.format(base="debian:latest" if bad() else "gcr.io/distroless/static-debian12:nonroot", user="" if bad() else "USER 65532")
            if leaks(i, "dockerfile-env-token"):
                dockerfile = dockerfile.replace("EXPOSE 8080\n", f"EXPOSE 8080\nENV GITHUB_TOKEN=ghp_{token(i, 'ghp', 36)}\n", 1)
            write(root, f"services/svc-{i}/Dockerfile", dockerfile)
            files += 1
        else:
            workflow = WORKFLOW.format(i=i, permissions="" if bad() else "permissions:\n  contents: read", lint="golangci/golangci-lint-action@v6" if bad() else "golangci/golangci-lint-action@aaa1c3c9a0e4e2e0b1b6a3a4d2e6f1c9b8a7d6e5 # v6")
            if leaks(i, "workflow-env-token"):
                workflow = workflow.replace("  test:\n    runs-on: ubuntu-latest\n", f"  test:\n    runs-on: ubuntu-latest\n    env:\n      SLACK_BOT_TOKEN: xoxb-{digest(i, 'slack')[1] * 997}-{token(i, 'slack', 24)}\n", 1)
            write(root, f".github/workflows/ci-{i}.yml", workflow)
            files += 1
        i += 1
    print(f"wrote {files} files to {root}")


if __name__ == "__main__":
    main()
