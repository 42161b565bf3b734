variable "KILN_T_LIST" {
  default = ["a"]
}

target "a" {
  tags = KILN_T_LIST
}
