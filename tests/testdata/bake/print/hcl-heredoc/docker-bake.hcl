target "default" {
  dockerfile-inline = <<EOT
FROM alpine
RUN echo "hello ${"world"}"
EOT
}
