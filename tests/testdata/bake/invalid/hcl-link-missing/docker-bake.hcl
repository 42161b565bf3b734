target "a" {
  contexts = { b = "target:nowhere" }
}
