group "g" {
  targets = ["a"]
}
target "a" {}
target "b" {}
