#!/usr/bin/env bash
# A bake build of 8 targets sharing a base stage: kiln bake beside docker buildx bake (docker driver).
# The shared base stage does some work in one RUN (a shell loop and a file of numbers); each target adds one small
# RUN of its own and writes an OCI archive. Both tools build all targets in one solve, so the base runs once.
#   bench/bake-build.sh [RUNS]
#   cold     every cache removed first (kiln: its KILN_ROOT; BuildKit: docker buildx prune -af)
#   cached   the same bake again, nothing changed
# Prints wall-clock seconds (median of RUNS, default 3), kiln/BuildKit ratios and the load average.
# Needs root, scripts/setup.sh (registry with busybox, docker + buildx); not run in CI.
set -euo pipefail
runs="${1:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
command -v docker >/dev/null || { echo "missing docker: run scripts/setup.sh" >&2; exit 1; }
work="$(mktemp -d /tmp/kiln-bake-build-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

kiln="$repo/out/kiln"
if [ ! -x "$kiln" ]; then
  dotnet publish "$repo/src/Kiln.Cli" -c Release -p:PublishAot=true -o "$repo/out" >/dev/null
fi

cat >"$work/Dockerfile" <<'DOCKERFILE'
FROM 127.0.0.1:5000/busybox:latest AS base
RUN i=0; while [ $i -lt 100000 ]; do i=$((i + 1)); done \
    && mkdir -p /shared && seq 1 100000 > /shared/numbers && sha256sum /shared/numbers > /shared/sum

FROM base AS app
ARG NAME
RUN echo "$NAME" > /name && grep -c 7 /shared/numbers > /sevens
DOCKERFILE

cat >"$work/docker-bake.hcl" <<'HCL'
group "default" {
  targets = ["app"]
}
target "app" {
  matrix = {
    n = ["1", "2", "3", "4", "5", "6", "7", "8"]
  }
  name = "app-${n}"
  context = "."
  target = "app"
  args = { NAME = "app-${n}" }
  output = ["type=oci,dest=out/app-${n}.tar"]
}
HCL

export KILN_ROOT="$work/kiln-root"
kiln_bake() { "$kiln" bake --progress=plain; }
buildkit_bake() { docker buildx bake --progress=plain; }
# Neither tool creates the folder of an OCI archive's dest: each bake starts with an empty out/.
kiln_clean() { rm -rf "$KILN_ROOT"; }
buildkit_clean() { docker buildx prune -af >/dev/null 2>&1 || true; }

# timed TOOL: sets $elapsed to the wall time of one bake; its log goes to TOOL.log, a failure stops the run.
timed() {
  local start end
  rm -rf "$work/out"; mkdir "$work/out"
  start=$(date +%s.%N)
  if ! (cd "$work" && "${1}_bake") >"$work/$1.log" 2>&1; then
    echo "$1 bake failed:" >&2; tail -20 "$work/$1.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  elapsed="$(echo "$end - $start" | bc)"
  local written
  written="$(find "$work/out" -name 'app-*.tar' | wc -l)"
  [ "$written" -eq 8 ] || { echo "$1 bake wrote $written of 8 archives" >&2; exit 1; }
}
median() { sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A samples result
# Runs alternate between the tools, so a change of the machine's load hits both alike.
for _ in $(seq "$runs"); do
  for tool in kiln buildkit; do
    "${tool}_clean"
    timed "$tool"; samples[$tool,cold]+=" $elapsed"; cp "$work/$tool.log" "$work/$tool-cold.log"
    timed "$tool"; samples[$tool,cached]+=" $elapsed"
  done
done
for key in "${!samples[@]}"; do
  result[$key]="$(printf '%s\n' ${samples[$key]} | median)"
done

# How many vertices of a cold bake's log ran the shared base RUN (1 when the base is shared).
base_vertices() { grep 'RUN i=0' "$work/$1-cold.log" | awk '{print $1}' | sort -u | wc -l; }

ratio() { printf "%.2f" "$(echo "scale=4; $1 / $2" | bc)"; }
echo "bake build, 8 targets sharing a base stage, median of $runs runs, seconds"
echo "load average before: $load, after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-8s %8s %10s %14s\n' case kiln BuildKit kiln/BuildKit
for c in cold cached; do
  printf '%-8s %8s %10s %14s\n' "$c" "${result[kiln,$c]}" "${result[buildkit,$c]}" "$(ratio "${result[kiln,$c]}" "${result[buildkit,$c]}")"
done
echo "vertices running the shared base RUN in a cold bake: kiln $(base_vertices kiln), BuildKit $(base_vertices buildkit)"
