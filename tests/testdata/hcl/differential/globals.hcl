variable "TAG" {
  default = "1.0"
}
variable "REPO" {
  default = "registry.local/${NAME}"
}
variable "NAME" {
  default = "app"
}
variable "DEBUG" {
  default = false
}
variable "REPLICAS" {
  default = 3
}
LIST = ["x", "y"]
FULL = "${REPO}:${TAG}"
function "tag" {
  params = [repo, version]
  result = "${repo}:${version}"
}
function "tags" {
  params = [repo]
  variadic_params = versions
  result = [for v in versions : tag(repo, v)]
}
function "double" {
  params = [n]
  result = n * REPLICAS
}
target "t" {
  args = {
    full = FULL
    tag = tag(REPO, TAG)
    tags = jsonencode(tags(REPO, "a", "b"))
    debug = DEBUG ? "on" : "off"
    double = double(2.5)
    list = join(",", LIST)
    cmd_context = BAKE_CMD_CONTEXT
    expanded = tag(["r", "v"]...)
  }
}
