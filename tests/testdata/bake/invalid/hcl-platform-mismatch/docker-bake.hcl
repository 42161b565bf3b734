target "base" {
  platforms = ["linux/amd64", "linux/arm64"]
}

target "a" {
  contexts = { base = "target:base" }
  platforms = ["linux/amd64", "linux/s390x"]
}
