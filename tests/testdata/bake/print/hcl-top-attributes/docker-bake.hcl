KILN_T_ATTR = "attr"
KILN_T_DERIVED = "${KILN_T_ATTR}-derived"
target "default" {
  args = { A = KILN_T_ATTR, D = KILN_T_DERIVED }
}
