target "default" {
  tags = ["override"]
  args = { B = "2" }
}
