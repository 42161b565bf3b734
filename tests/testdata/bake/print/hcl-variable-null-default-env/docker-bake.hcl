variable "KILN_T_NULL" {
  default = null
}
variable "KILN_T_NULL2" {
  default = null
}
target "default" {
  args = { A = KILN_T_NULL, B = KILN_T_NULL2, C = KILN_T_NULL2 == null ? "null" : "set" }
}
