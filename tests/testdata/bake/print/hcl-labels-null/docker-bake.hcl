target "base" {
  labels = { keep = "base", drop = "base" }
}
target "default" {
  inherits = ["base"]
  labels = { drop = null, extra = "x" }
}
