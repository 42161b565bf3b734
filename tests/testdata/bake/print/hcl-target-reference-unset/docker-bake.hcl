target "child" {
  inherits = ["base"]
}
target "base" {
  tags = ["b"]
}
target "app" {
  tags = target.child.tags
}
