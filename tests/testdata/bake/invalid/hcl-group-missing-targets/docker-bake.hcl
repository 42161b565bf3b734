target "a" {}

group "g" {
}
