function "f" {
  params = "x"
  result = x
}

target "a" {}
