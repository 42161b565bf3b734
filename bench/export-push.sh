#!/usr/bin/env bash
# Export and push of a big layer: kiln beside the reference BuildKit (docker buildx, docker driver) on an image
# whose last step writes SIZE MiB (default 1024), half random bytes and half repetitive text, on the busybox base.
#   bench/export-push.sh [SIZE_MIB]
# Each tool builds the image twice from an empty cache with --output type=cacheonly (the "build" time), and after
# each build the fully cached rebuild is timed twice: once to an OCI archive (type=oci,dest=FILE) and once pushed
# to a fresh repository (type=image,push=true), with the compression of the two crossed between the builds
# (gzip export + zstd push, then zstd export + gzip push). Both tools keep a layer's compressed blob once made, so
# crossing them is what makes every export and push time include compressing the 1 GiB layer. Every output says
# force-compression=true: without it BuildKit pushes the blob it already has in another compression (a "gzip" push
# after a zstd export uploads the zstd layer), which would time an upload only.
# Pushes go to a throwaway registry on a free loopback port (its storage is deleted afterwards), or REGISTRY=host:port.
# kiln's peak memory is /usr/bin/time -v's "Maximum resident set size" of each kiln process (aim: under 200 MiB).
# Needs root, scripts/setup.sh (registry with busybox, docker + buildx, docker-registry); not run in CI.
set -euo pipefail
size="${1:-1024}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
for tool in docker docker-registry /usr/bin/time bc; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/setup.sh" >&2; exit 1; }
done
work="$(mktemp -d /tmp/kiln-export-bench.XXXXXX)"
registry_pid=""
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

kiln="$repo/out/kiln"
if [ ! -x "$kiln" ]; then
  dotnet publish "$repo/src/Kiln.Cli" -c Release -p:PublishAot=true -o "$repo/out" >/dev/null
fi

if [ -z "${REGISTRY:-}" ]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  REGISTRY="127.0.0.1:$port"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n' \
    "$work/registry" "$REGISTRY" >"$work/registry.yml"
  docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 50); do curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
fi

half=$((size * 1048576 / 2))
mkdir -p "$work/ctx"
cat >"$work/ctx/Dockerfile" <<DOCKERFILE
FROM 127.0.0.1:5000/busybox:latest
RUN head -c $half /dev/urandom > /random.bin \\
    && yes "kiln export benchmark, a compressible line: 0123456789 abcdefghijklmnopqrstuvwxyz" | head -c $half > /text.bin
DOCKERFILE

export KILN_ROOT="$work/kiln-root"
run="$(date +%s)"
peak_kib=0
# build TOOL OUTPUT: one build of the context, its log in $work/TOOL.log (kiln's under /usr/bin/time -v).
kiln_build() {
  local status=0 rss
  /usr/bin/time -v -o "$work/kiln.time" "$kiln" build --progress=plain --output "$1" "$work/ctx" || status=$?
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/kiln.time")"
  if [ "$rss" -gt "$peak_kib" ]; then peak_kib="$rss"; fi
  printf '%6d MiB  --output %s\n' "$((rss / 1024))" "${1//$work\//}" >>"$work/kiln.rss"
  return "$status"
}
buildkit_build() { docker buildx build --progress=plain --output "$1" "$work/ctx"; }
kiln_clean() { rm -rf "$KILN_ROOT"; }
buildkit_clean() { docker buildx prune -af >/dev/null 2>&1 || true; }

# timed TOOL OUTPUT: sets $elapsed to the wall time of one build; a failed build stops the run.
timed() {
  local start end
  start=$(date +%s.%N)
  if ! "${1}_build" "$2" >"$work/$1.log" 2>&1; then
    echo "$1 build --output $2 failed:" >&2; tail -20 "$work/$1.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  elapsed="$(echo "$end - $start" | bc)"
}

load="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A result
# The tools alternate within each pair, so a change of the machine's load hits both alike.
for pair in gzip,zstd zstd,gzip; do
  export_compression="${pair%,*}"; push_compression="${pair#*,}"
  for tool in kiln buildkit; do
    "${tool}_clean"
    timed "$tool" type=cacheonly
    if [ -z "${result[$tool,build]:-}" ] || [ "$(echo "$elapsed < ${result[$tool,build]}" | bc)" = 1 ]; then
      result[$tool,build]="$elapsed"
    fi
    timed "$tool" "type=oci,dest=$work/$tool-$export_compression.tar,compression=$export_compression,force-compression=true"
    result[$tool,export,$export_compression]="$elapsed"
    rm -f "$work/$tool-$export_compression.tar"
    timed "$tool" "type=image,name=$REGISTRY/bench/export-$tool-$push_compression-$run:latest,push=true,compression=$push_compression,force-compression=true"
    result[$tool,push,$push_compression]="$elapsed"
  done
done

ratio() { printf "%.2f" "$(echo "scale=4; $1 / $2" | bc)"; }
row() { printf '%-14s %8.2f %10.2f %14s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
echo "export and push of a ${size} MiB layer (half random, half text), seconds; registry $REGISTRY"
echo "load average before: $load, after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-14s %8s %10s %14s\n' step kiln BuildKit kiln/BuildKit
row "build (best)" "${result[kiln,build]}" "${result[buildkit,build]}"
for c in gzip zstd; do
  row "export $c" "${result[kiln,export,$c]}" "${result[buildkit,export,$c]}"
  row "push $c" "${result[kiln,push,$c]}" "${result[buildkit,push,$c]}"
done
echo "kiln peak memory: $((peak_kib / 1024)) MiB (aim < 200 MiB)"
sed 's/^/  /' "$work/kiln.rss"
