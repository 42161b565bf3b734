target "app" {
  matrix = { tgt = ["release", "debug"] }
  name = "app-${tgt}"
  target = tgt
  tags = ["app:${tgt}"]
}
