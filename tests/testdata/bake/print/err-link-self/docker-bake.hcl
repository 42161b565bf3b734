target "a" {
  contexts = { me = "target:a" }
}
