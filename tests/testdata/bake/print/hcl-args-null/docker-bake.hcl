target "default" {
  args = { SET = "yes", UNSET = null, EMPTY = "" }
}
