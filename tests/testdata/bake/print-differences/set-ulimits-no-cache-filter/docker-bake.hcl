group "default" {
  targets = ["app", "api"]
}
target "base" {
  tags = ["base"]
  output = ["type=registry", "type=local,dest=x", "type=image,name=foo"]
}
target "app" {
  inherits = ["base"]
  attest = ["type=sbom"]
  annotations = ["k=v"]
  args = { KEEP = "1" }
}
target "api" {
  tags = ["api"]
}
target "apple" {}
