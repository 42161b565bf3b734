target "default" {
  description = "newer field"
  call = "build"
  entitlements = ["network.host"]
  network = "host"
  tags = ["x"]
}
