target "a" {}

service "x" {
}
