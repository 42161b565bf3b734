target "a" {
  build {
  }
}
