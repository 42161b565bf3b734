group "all" {
  targets = ["a", "b"]
}
target "a" {}
target "b" {}
target "c" {}
