#!/usr/bin/env bash
# kiln build beside the reference BuildKit (docker buildx) and buildah on one multi-stage project
# (bench/build-project: 500 generated source files, three stages, a cache mount), in one run:
#   cold      every cache and the pulled base image removed first
#   cached    the same build again, nothing changed
#   edit      one source file changed, then built
# kiln and BuildKit write an OCI archive (--output type=oci,dest=...); buildah commits to its local storage
# (its natural output), in a storage root of its own under the work folder, and pulls the base over plain HTTP
# (--tls-verify=false), so no registries.conf change is needed. Prints wall-clock seconds (median of N runs,
# default 3), the kiln/reference ratios and the load average (the machine may be shared).
#   bench/build.sh [RUNS]
# Needs root, scripts/setup.sh (registry, runc, docker + buildx); installs buildah from Debian when missing.
# The BuildKit cold case prunes the docker builder's whole cache (docker buildx prune -af).
set -euo pipefail
runs="${1:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="$(mktemp -d /tmp/kiln-build-bench.XXXXXX)"
buildah_store=(--root "$work/buildah-root" --runroot "$work/buildah-run" --storage-driver overlay)
cleanup() { buildah "${buildah_store[@]}" rmi -af >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

command -v buildah >/dev/null || { apt-get install -y -qq buildah >/dev/null; }
command -v bc >/dev/null || { apt-get install -y -qq bc >/dev/null; }
for tool in docker buildah runc; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/setup.sh" >&2; exit 1; }
done
kiln="$repo/out/kiln"
if [ ! -x "$kiln" ]; then
  dotnet publish "$repo/src/Kiln.Cli" -c Release -p:PublishAot=true -o "$repo/out" >/dev/null
fi

ctx="$work/ctx"
mkdir -p "$ctx/src" "$ctx/config"
cp "$here/build-project/Dockerfile" "$ctx/Dockerfile"
for i in $(seq 1 500); do printf 'source file %d\n%0512d\n' "$i" "$i" >"$ctx/src/file$i.txt"; done
echo "port=8080" >"$ctx/config/app.conf"

export KILN_ROOT="$work/kiln-root"
kiln_build() { "$kiln" build --progress=plain --output "type=oci,dest=$work/kiln.tar" "$ctx"; }
buildkit_build() { docker buildx build --progress=plain --output "type=oci,dest=$work/buildkit.tar" "$ctx"; }
buildah_build() { buildah "${buildah_store[@]}" bud --layers --isolation chroot --tls-verify=false -t kiln-bench-app "$ctx"; }

kiln_clean() { rm -rf "$KILN_ROOT"; }
buildkit_clean() { docker buildx prune -af >/dev/null 2>&1 || true; docker image rm -f 127.0.0.1:5000/busybox:latest >/dev/null 2>&1 || true; }
buildah_clean() { buildah "${buildah_store[@]}" rm -a >/dev/null 2>&1 || true; buildah "${buildah_store[@]}" rmi -af >/dev/null 2>&1 || true; }

# timed TOOL: sets $elapsed to the wall time of one build; its log goes to $work/TOOL.log, a failure stops the run.
timed() {
  local start end
  start=$(date +%s.%N)
  if ! "${1}_build" >"$work/$1.log" 2>&1; then
    echo "$1 build failed:" >&2; tail -20 "$work/$1.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  elapsed="$(echo "$end - $start" | bc)"
}
median() { sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A samples result
# Runs alternate between the tools, so a change of the machine's load hits all three alike.
for run in $(seq "$runs"); do
  for tool in kiln buildkit buildah; do
    "${tool}_clean"
    printf 'source file 1\n%0512d\n' 1 >"$ctx/src/file1.txt"
    timed "$tool"; samples[$tool,cold]+=" $elapsed"
    timed "$tool"; samples[$tool,cached]+=" $elapsed"
    printf 'source file 1, edit %d\n' "$run" >"$ctx/src/file1.txt"
    timed "$tool"; samples[$tool,edit]+=" $elapsed"
  done
done
for key in "${!samples[@]}"; do
  result[$key]="$(printf '%s\n' ${samples[$key]} | median)"
done

ratio() { printf "%.2f" "$(echo "scale=4; $1 / $2" | bc)"; }
echo "multi-stage build (bench/build-project, 500 files), median of $runs runs, seconds; load average before: $load"
printf '%-8s %8s %10s %10s %14s %14s\n' case kiln BuildKit buildah kiln/BuildKit kiln/buildah
for c in cold cached edit; do
  printf '%-8s %8s %10s %10s %14s %14s\n' "$c" "${result[kiln,$c]}" "${result[buildkit,$c]}" "${result[buildah,$c]}" \
    "$(ratio "${result[kiln,$c]}" "${result[buildkit,$c]}")" "$(ratio "${result[kiln,$c]}" "${result[buildah,$c]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
