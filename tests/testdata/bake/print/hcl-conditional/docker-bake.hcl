variable "KILN_T_ENV" {
  default = "dev"
}
target "default" {
  tags = KILN_T_ENV == "prod" ? ["app:prod"] : ["app:dev", "app:test"]
  output = [KILN_T_ENV == "prod" ? "type=registry" : "type=docker"]
  args = { DEBUG = KILN_T_ENV != "prod" && true ? "1" : "0" }
}
