target "default" {
  args = {
    upper = upper("abc")
    lower = lower("ABC")
    replace = replace("a-b-c", "-", "_")
    format = format("%s:%03d", "v", 7)
    join = join(",", ["a", "b"])
    split = jsonencode(split(",", "x,y"))
    trimprefix = trimprefix("v1.2", "v")
    trimsuffix = trimsuffix("file.txt", ".txt")
    substr = substr("kiln-bake", 5, 4)
    title = title("hello world")
    regex = regex_replace("a1b22c", "[0-9]+", "#")
    strlen = strlen("four")
  }
}
