variable "KILN_T_VERSIONS" {
  default = ["1.20", "1.21", "1.22"]
}
target "default" {
  tags = [for v in KILN_T_VERSIONS : "go:${v}" if v != "1.21"]
  args = { for i, v in KILN_T_VERSIONS : "V${i}" => v }
  labels = { for k, v in { a = "1", b = "2" } : upper(k) => "${v}${v}" }
}
