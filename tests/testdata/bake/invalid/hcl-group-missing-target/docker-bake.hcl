target "a" {}

group "default" {
  targets = ["a", "ghost"]
}
