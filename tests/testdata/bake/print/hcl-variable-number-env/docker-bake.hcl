variable "KILN_T_N" {
  default = 3
}
target "default" {
  args = { N = KILN_T_N, NEXT = KILN_T_N + 1, HALF = KILN_T_N / 2 }
}
