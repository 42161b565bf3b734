target "s" {
  tags = ["hcl"]
}
