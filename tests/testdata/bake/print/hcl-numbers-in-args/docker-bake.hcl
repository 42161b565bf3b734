target "default" {
  args = { F = 1.5, I = 10, E = 1e3, B = true, BIG = 12345678901234567890 }
  labels = { N = -0.25 }
}
