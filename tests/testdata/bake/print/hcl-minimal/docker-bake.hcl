target "default" {
}
