target "a" {
  context = ["."]
}
