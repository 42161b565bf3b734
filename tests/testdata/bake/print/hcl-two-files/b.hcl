variable "KILN_T_V" {
  default = "b"
}
target "app" {
  args = { FROM_B = KILN_T_V }
  platforms = ["linux/arm64"]
}
target "other" {}
