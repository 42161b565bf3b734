target "a" {
  matrix = ["x", "y"]
  name = "a"
}
