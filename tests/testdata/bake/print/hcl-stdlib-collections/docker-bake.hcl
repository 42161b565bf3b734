target "default" {
  tags = distinct(concat(["a", "b"], ["b", "c"]))
  platforms = flatten([["linux/amd64"], ["linux/arm64"]])
  args = merge({ A = "1" }, { B = "2" }, { A = "3" })
  labels = {
    contains = contains(["x", "y"], "y")
    coalesce = coalesce("", "fallback")
    length = length([1, 2, 3])
    keys = join(",", keys({ b = 1, a = 2 }))
    element = element(["p", "q"], 3)
    reverse = join("", reverse(["1", "2", "3"]))
    sort = join("", sort(["c", "a", "b"]))
  }
}
