target "a" {
  args = { LEVEL = "a", A = "1" }
  tags = ["a"]
}
target "b" {
  inherits = ["a"]
  args = { LEVEL = "b", B = "1" }
}
target "c" {
  inherits = ["b"]
  args = { LEVEL = "c" }
  cache-from = ["c"]
}
