target "default" {
  args = { H = "1" }
  cache-from = ["hcl"]
}
