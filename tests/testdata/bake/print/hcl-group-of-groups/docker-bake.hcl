group "default" {
  targets = ["frontend", "backend"]
}
group "frontend" {
  targets = ["web", "docs"]
}
group "backend" {
  targets = ["api", "worker", "frontend"]
}
target "web" {}
target "docs" {}
target "api" {}
target "worker" {}
