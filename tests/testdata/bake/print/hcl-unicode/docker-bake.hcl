target "default" {
  labels = { "café" = "naïve ☕", emoji = "🚀" }
}
