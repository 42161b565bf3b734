target "a" {
  tags = ["x"]
  name = "b"
}
