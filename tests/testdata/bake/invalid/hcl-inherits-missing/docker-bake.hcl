target "base" {}

target "a" {
  inherits = ["base", "missing"]
}
