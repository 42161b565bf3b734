target "a" {
  args = ["a"]
}
