variable "KILN_T_PUSH" {
  default = false
}
target "default" {
  args = { PUSH = KILN_T_PUSH ? "yes" : "no" }
  no-cache = KILN_T_PUSH
}
