variable "KILN_T_EMPTY" {}
target "default" {
  args = { V = KILN_T_EMPTY, IS_EMPTY = KILN_T_EMPTY == "" ? "yes" : "no" }
}
