#!/usr/bin/env bash
# --print time of a 200-target bake file (one target with a 5x5x8 matrix, inheriting a base) for kiln
# (native AOT) beside docker buildx bake --print. Usage: bench/bake-print.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
aot=/tmp/kiln-bake-aot
work=$(mktemp -d /tmp/kiln-bake-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT

if [ ! -x "$aot/kiln" ] || [ -n "${REBUILD:-}" ]; then
  dotnet publish "$root/src/Kiln.Cli" -c Release -p:PublishAot=true -o "$aot" >/dev/null
fi

cat > "$work/docker-bake.hcl" <<'HCL'
variable "REGISTRY" {
  default = "registry.example.com/team"
}
variable "VERSION" {
  default = "1.0.0"
}
function "tag" {
  params = [name, suffix]
  result = "${REGISTRY}/${name}:${VERSION}-${suffix}"
}
group "default" {
  targets = ["app"]
}
target "base" {
  dockerfile = "Dockerfile"
  args = { BUILDKIT_INLINE_CACHE = "1" }
  labels = { "org.opencontainers.image.source" = "https://example.com/repo" }
  cache-from = ["type=registry,ref=${REGISTRY}/cache"]
}
target "app" {
  inherits = ["base"]
  matrix = {
    os = ["alpine", "debian", "ubuntu", "fedora", "arch"]
    go = ["1.19", "1.20", "1.21", "1.22", "1.23"]
    variant = ["static", "dynamic", "debug", "race", "cgo", "nocgo", "slim", "full"]
  }
  name = "app-${os}-${replace(go, ".", "_")}-${variant}"
  target = variant
  tags = [tag("app", "${os}-${go}-${variant}"), upper("${os}-${variant}")]
  args = { OS = os, GO_VERSION = go, VARIANT = variant }
  platforms = variant == "debug" ? ["linux/amd64"] : ["linux/amd64", "linux/arm64"]
}
HCL

time_ms() { # command... -> median wall time in ms over $runs runs
  local samples=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

cd "$work"
kiln_targets=$("$aot/kiln" bake --print | grep -c '"app-' || true)
buildx_targets=$(docker buildx bake --print 2>/dev/null | grep -c '"app-' || true)
"$aot/kiln" bake --print > kiln.json
docker buildx bake --print 2>/dev/null > buildx.json
# buildx 0.13.1 lists a matrix group's members in an order that changes from run to run: compare sorted.
norm() { jq 'if .group then .group[].targets |= sort else . end' "$1"; }
same=$(cmp -s <(norm kiln.json) <(norm buildx.json) && echo "identical (group members compared sorted)" || echo DIFFERENT)
kiln_ms=$(time_ms "$aot/kiln" bake --print)
buildx_ms=$(time_ms docker buildx bake --print)
echo "bake --print, 200-target file with a 3-dimension matrix (median of $runs runs)"
echo "  kiln (native AOT): ${kiln_ms} ms   (${kiln_targets} target lines)"
echo "  docker buildx:     ${buildx_ms} ms   (${buildx_targets} target lines)"
echo "  output: $same"
