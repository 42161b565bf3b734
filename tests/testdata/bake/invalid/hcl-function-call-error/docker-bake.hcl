target "a" {
  tags = [upper()]
}
