target "root" {
  cache-from = ["root"]
  args = { R = "1" }
}
target "left" {
  inherits = ["root"]
  cache-from = ["left"]
}
target "right" {
  inherits = ["root"]
  cache-from = ["right"]
  args = { R = "2" }
}
target "bottom" {
  inherits = ["left", "right"]
}
