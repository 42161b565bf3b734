variable "KILN_T_V" {
  default = "a"
}
target "app" {
  tags = ["a"]
  args = { FROM_A = KILN_T_V }
}
