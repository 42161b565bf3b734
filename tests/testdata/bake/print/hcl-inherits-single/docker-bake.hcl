target "base" {
  dockerfile = "base.Dockerfile"
  args = { GO_VERSION = "1.22" }
  platforms = ["linux/amd64"]
}
target "app" {
  inherits = ["base"]
  tags = ["app"]
}
