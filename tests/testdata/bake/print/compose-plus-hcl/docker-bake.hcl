target "app" {
  args = { FROM_HCL = "1" }
  cache-from = ["hcl"]
  tags = ["hcl"]
}
