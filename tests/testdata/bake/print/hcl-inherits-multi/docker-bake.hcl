target "p1" {
  annotations = ["a1=x"]
  attest = ["type=sbom"]
  contexts = { c1 = "docker-image://x", c2 = "docker-image://y" }
  args = { A = "1", B = "2" }
  labels = { L = "1" }
  tags = ["t1"]
  cache-from = ["cf1"]
  cache-to = ["ct1"]
  secret = ["id=s1,env=HOME"]
  platforms = ["linux/amd64"]
  output = ["type=local,dest=o1"]
  no-cache-filter = ["n1"]
  ulimits = ["nofile=1:1"]
  pull = true
}
target "p2" {
  annotations = ["a2=x"]
  attest = ["type=provenance"]
  contexts = { c2 = "docker-image://z" }
  args = { B = "3", C = null }
  labels = { M = "2" }
  tags = ["t2"]
  cache-from = ["cf2"]
  cache-to = ["ct2"]
  secret = ["id=s2,env=HOME"]
  platforms = ["linux/arm64"]
  output = ["type=local,dest=o2"]
  no-cache-filter = ["n2"]
  ulimits = ["nproc=1:1"]
}
target "c" {
  inherits = ["p1", "p2"]
  annotations = ["a3=x"]
  attest = ["type=sbom,generator=x"]
  args = { A = null, D = "4" }
  tags = ["t3"]
  cache-from = ["cf3"]
  cache-to = ["ct3"]
  secret = ["id=s3,env=HOME"]
  platforms = ["linux/arm/v7"]
  output = ["type=local,dest=o3"]
  no-cache-filter = ["n3"]
  ulimits = ["core=1:1"]
}
