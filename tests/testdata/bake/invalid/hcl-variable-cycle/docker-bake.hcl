variable "KILN_T_A" {
  default = KILN_T_B
}

variable "KILN_T_B" {
  default = KILN_T_A
}

target "a" {
  args = { A = KILN_T_A }
}
