target "a" {
  context = "."
  tgas = ["x"]
}
