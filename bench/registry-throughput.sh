#!/usr/bin/env bash
# Registry throughput: push and pull one image of COUNT random layers of SIZE MiB (default 16 x 64 MiB
# = 1 GiB) with kiln and with `skopeo copy`, and print MB/s side by side. Runs against a throwaway CNCF
# registry on a free loopback port (its storage is deleted afterwards), or against REGISTRY=host:port.
#   bench/registry-throughput.sh [COUNT] [SIZE_MIB]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-16}"; size="${2:-64}"
command -v skopeo >/dev/null || { echo "skopeo is missing: run scripts/setup.sh" >&2; exit 1; }
command -v docker-registry >/dev/null || { echo "docker-registry is missing: run scripts/setup.sh" >&2; exit 1; }
work="$(mktemp -d /tmp/kiln-bench-XXXXXX)"
registry_pid=""
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${REGISTRY:-}" ]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  REGISTRY="127.0.0.1:$port"
  cat > "$work/registry.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: $REGISTRY
YML
  docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 50); do curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
fi

dotnet build "$root/bench/Kiln.Bench" -c Release -nologo -v:q >/dev/null
bench=(dotnet "$root/bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll")
"${bench[@]}" layout "$work/layout" "$count" "$size" >/dev/null
run="$(date +%s)"
now() { date +%s.%N; }

t0="$(now)"
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:bench" "docker://$REGISTRY/bench/skopeo-$run:latest"
skopeo_push="$(echo "$(now) - $t0" | bc)"
t0="$(now)"
skopeo copy -q --src-tls-verify=false "docker://$REGISTRY/bench/skopeo-$run:latest" "oci:$work/skopeo-pull:latest"
skopeo_pull="$(echo "$(now) - $t0" | bc)"
rm -rf "$work/skopeo-pull"

read -r kiln_push bytes < <("${bench[@]}" push "$work/layout" "$REGISTRY/bench/kiln-$run:latest")
read -r kiln_pull _ < <("${bench[@]}" pull "$REGISTRY/bench/kiln-$run:latest" "$work/kiln-pull")

mbps() { echo "scale=1; $bytes / 1000000 / $1" | bc; }
echo "registry $REGISTRY, $count blobs x $size MiB = $((bytes / 1048576)) MiB"
printf '%-6s %12s %12s\n' "" "kiln MB/s" "skopeo MB/s"
printf '%-6s %12s %12s\n' push "$(mbps "$kiln_push")" "$(mbps "$skopeo_push")"
printf '%-6s %12s %12s\n' pull "$(mbps "$kiln_pull")" "$(mbps "$skopeo_pull")"
