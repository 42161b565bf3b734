target "base" {
  tags = ["base:1"]
  args = { A = "1" }
}
target "child" {
  inherits = ["base"]
  dockerfile = "child.Dockerfile"
}
target "app" {
  tags = concat(target.base.tags, ["app"])
  args = { FROM_BASE = target.base.args.A, DF = target.child.dockerfile }
}
