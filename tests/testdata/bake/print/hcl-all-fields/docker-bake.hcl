target "default" {
  context = "app"
  contexts = { base = "docker-image://alpine:3.19", extra = "target:helper" }
  dockerfile = "app.Dockerfile"
  dockerfile-inline = "FROM scratch\n"
  target = "release"
  tags = ["example/app:1", "example/app:latest"]
  args = { VERSION = "1.2.3", EMPTY = "" }
  labels = { "org.opencontainers.image.title" = "app" }
  annotations = ["index:org.opencontainers.image.vendor=kiln"]
  platforms = ["linux/amd64", "linux/arm64"]
  output = ["type=image,name=example/app", "type=local,dest=out"]
  cache-from = ["type=registry,ref=example/app:cache"]
  cache-to = ["type=inline"]
  attest = ["type=provenance,mode=max", "type=sbom"]
  secret = ["id=token,env=HOME"]
  no-cache = true
  no-cache-filter = ["build"]
  pull = false
  shm-size = "256m"
  ulimits = ["nofile=1024:2048"]
}
target "helper" {
  dockerfile = "helper.Dockerfile"
}
