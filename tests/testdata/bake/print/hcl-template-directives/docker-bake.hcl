variable "KILN_T_ITEMS" {
  default = "a,b,c"
}
target "default" {
  args = {
    FOR = "%{ for i in split(",", KILN_T_ITEMS) }[${i}]%{ endfor }"
    IF = "%{ if KILN_T_ITEMS != "" }set%{ else }unset%{ endif }"
    STRIP = "x %{~ if true ~} y %{~ endif ~} z"
  }
}
