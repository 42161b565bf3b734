target "build" {
  matrix = {
    os = ["alpine", "debian"]
    go = ["1.21", "1.22"]
    mode = ["static", "dynamic"]
  }
  name = "build-${os}-${replace(go, ".", "_")}-${mode}"
  args = { OS = os, GO = go, MODE = mode }
}
