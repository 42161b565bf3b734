target "old" {
  name = "renamed"
  tags = ["x"]
}
