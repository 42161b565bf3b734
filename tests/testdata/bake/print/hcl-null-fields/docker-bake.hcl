target "default" {
  context = null
  tags = null
  args = null
  pull = null
}
