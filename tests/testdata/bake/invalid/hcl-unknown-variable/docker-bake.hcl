target "a" {
  tags = [NOPE_VARIABLE]
}
