target "a" {
  output = ["type=cacheonly"]
}
target "b" {
  contexts = { a = "target:a" }
  output = ["type=cacheonly"]
}
target "c" {
  contexts = { b = "target:b", img = "docker-image://busybox" }
}
