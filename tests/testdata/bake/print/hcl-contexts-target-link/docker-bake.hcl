target "base" {
  dockerfile = "base.Dockerfile"
  output = ["type=docker"]
  tags = ["base"]
}
target "app" {
  contexts = { base = "target:base" }
  tags = ["app"]
}
