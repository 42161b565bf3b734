target "default" {
  tags = ["<a>&b"]
  args = { Q = "quote\" back\\ tab\t nl\n", U = "\u2028" }
}
