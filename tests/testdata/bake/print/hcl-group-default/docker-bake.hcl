group "default" {
  targets = ["web", "api"]
}
target "web" {
  tags = ["web"]
}
target "api" {
  tags = ["api"]
}
