target 42 {
}
