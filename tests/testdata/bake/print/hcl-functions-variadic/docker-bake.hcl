function "joinall" {
  params = [sep]
  variadic_params = parts
  result = join(sep, parts)
}
target "default" {
  args = { A = joinall("-", "x", "y", "z"), B = joinall("+"), C = joinall("/", ["p", "q"]...) }
}
