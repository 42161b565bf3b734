target "svc" {
  matrix = {
    item = [
      { name = "web", port = 80 },
      { name = "api", port = 8080 },
    ]
  }
  name = "svc-${item.name}"
  args = { PORT = item.port }
  tags = ["example/${item.name}"]
}
