target "default" {
  target = ""
  tags = ["", "a", ""]
  dockerfile = ""
  contexts = { empty = "", full = "docker-image://x" }
}
