target "a" {
  tags = ["x"
}
