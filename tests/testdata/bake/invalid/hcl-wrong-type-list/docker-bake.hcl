target "a" {
  tags = "x"
}
