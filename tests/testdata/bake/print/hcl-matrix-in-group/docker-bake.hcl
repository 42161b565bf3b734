group "default" {
  targets = ["lint", "test"]
}
target "lint" {}
target "test" {
  matrix = { shard = ["1", "2", "3"] }
  name = "test-${shard}"
  args = { SHARD = shard }
}
