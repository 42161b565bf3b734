target "a" {
  matrix = { v = ["x y"] }
  name = "a-${v}"
}
