target "app" {
  tags = ["first"]
  cache-from = ["a"]
  args = { A = "1" }
}
target "app" {
  tags = ["second"]
  cache-from = ["b"]
  args = { B = "2", A = null }
}
