target "a" {
  matrix = { v = "x" }
  name = "a-${v}"
}
