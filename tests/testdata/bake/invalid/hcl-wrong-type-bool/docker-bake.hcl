target "a" {
  no-cache = "maybe"
}
