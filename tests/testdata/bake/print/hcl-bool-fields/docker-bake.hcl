target "base" {
  pull = true
  no-cache = true
}
target "default" {
  inherits = ["base"]
  pull = false
}
