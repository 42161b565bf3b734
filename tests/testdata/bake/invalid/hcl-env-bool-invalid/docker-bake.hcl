variable "KILN_T_FLAG" {
  default = true
}

target "a" {
  no-cache = KILN_T_FLAG
}
