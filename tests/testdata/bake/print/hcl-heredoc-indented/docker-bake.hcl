target "default" {
  dockerfile-inline = <<-EOT
    FROM alpine
      RUN echo indented
    CMD ["sh"]
    EOT
}
