variable "KILN_T_SVCS" {
  default = [{ name = "a", port = 1 }, { name = "b", port = 2 }]
}
target "default" {
  tags = KILN_T_SVCS[*].name
  args = { FIRST = KILN_T_SVCS[0].name, SECOND = KILN_T_SVCS[1]["port"] }
}
