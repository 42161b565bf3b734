target "a.b" {
}
