target "a" {
  inherits = ["b"]
  tags = ["a"]
}
target "b" {
  inherits = ["a"]
  args = { X = "1" }
}
