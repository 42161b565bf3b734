function "tag" {
  params = [repo, version]
  result = "${repo}:${version}"
}
function "tags" {
  params = [repo]
  result = [tag(repo, "latest"), tag(repo, "1")]
}
target "default" {
  tags = tags("example/app")
}
