target "default" {
  tags = ["a", "b", "a"]
  platforms = ["linux/amd64", "linux/amd64"]
  cache-from = ["x", "x", "y"]
  output = ["type=docker", "type=docker"]
}
