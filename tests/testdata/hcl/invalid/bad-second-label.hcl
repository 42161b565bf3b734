target "a" 42 {
}
