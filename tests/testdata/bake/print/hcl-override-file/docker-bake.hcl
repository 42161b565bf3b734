target "default" {
  tags = ["base"]
  args = { A = "1" }
}
