target "base" {
  attest = ["type=sbom", "type=provenance,mode=min"]
}
target "default" {
  inherits = ["base"]
  attest = ["type=provenance,mode=max", "type=sbom,disabled=true"]
}
