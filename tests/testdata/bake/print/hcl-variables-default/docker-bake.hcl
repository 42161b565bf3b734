variable "KILN_T_TAG" {
  default = "1.0"
}
variable "KILN_T_REPO" {
  default = "example/app"
}
target "default" {
  tags = ["${KILN_T_REPO}:${KILN_T_TAG}", "${KILN_T_REPO}:latest"]
}
