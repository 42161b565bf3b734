target "default" {
  args = {
    add = 1 + 2 * 3
    sub = 10 - 4 - 3
    div = 7 / 2
    mod = 7 % 3
    neg = -5 + 2
    cmp = 3 >= 2
    not = !false
    or = false || true
  }
}
