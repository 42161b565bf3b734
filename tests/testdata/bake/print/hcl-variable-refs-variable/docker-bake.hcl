variable "KILN_T_REG" {
  default = "registry.example"
}
variable "KILN_T_IMAGE" {
  default = "${KILN_T_REG}/team/app"
}
variable "KILN_T_FULL" {
  default = "${KILN_T_IMAGE}:${KILN_T_VER}"
}
variable "KILN_T_VER" {
  default = "9"
}
target "default" {
  tags = [KILN_T_FULL]
}
