variable "KILN_T_TAG" {
  default = "1.0"
}
target "default" {
  tags = ["app:${KILN_T_TAG}"]
  args = { T = KILN_T_TAG }
}
