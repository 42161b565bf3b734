target "x" {
  tags ["a"]
}
