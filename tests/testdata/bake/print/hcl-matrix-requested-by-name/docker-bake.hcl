target "db" {
  matrix = { v = ["14", "15"], flavor = ["alpine", "bookworm"] }
  name = "db-${v}-${flavor}"
  args = { PG = v }
}
