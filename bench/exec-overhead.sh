#!/usr/bin/env bash
# Overhead of one no-op RUN step: kiln's executor beside the reference BuildKit.
#   kiln:     a `true` step with a cache mount on the busybox base snapshot, timed two ways: the executor alone
#             (runtime spec, bundle files, `runc run`, container delete, cleanup) and the whole step (snapshot
#             prepare + overlay mount + executor + unmount + commit).
#   BuildKit: `RUN --mount=type=cache,target=/c true` built with --no-cache through `docker buildx build`;
#             the step's time is its vertex completed - started from --progress=rawjson (includes BuildKit's
#             snapshot prepare and commit of the step).
# Prints the median of N runs of each (default 15). Needs root, runc, docker + buildx, jq and the busybox
# images from scripts/setup.sh.
set -euo pipefail
runs="${1:-15}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
layout=/tmp/kiln-test-images/busybox
work="$(mktemp -d /tmp/kiln-exec-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

for tool in runc docker jq; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/setup.sh" >&2; exit 1; }
done
[ -f "$layout/index.json" ] || { echo "missing $layout: run scripts/setup.sh" >&2; exit 1; }

# The layout's index points at a per-platform index: follow it to the amd64 manifest and unpack its layer.
blob() { echo "$layout/blobs/sha256/${1#sha256:}"; }
platforms="$(jq -r '.manifests[0].digest' "$layout/index.json")"
manifest="$(jq -r '.manifests[] | select(.platform.architecture == "amd64") | .digest' "$(blob "$platforms")")"
layer="$(jq -r '.layers[0].digest' "$(blob "$manifest")")"
read -r kiln_exec_ms kiln_step_ms driver < <(dotnet run --file "$here/exec-overhead/Kiln.Bench.cs" -- "$runs" "$(blob "$layer")" "$layer")

mkdir -p "$work/ctx"
printf 'FROM 127.0.0.1:5000/busybox:latest\nRUN --mount=type=cache,target=/c true\n' >"$work/ctx/Dockerfile"
docker buildx build --progress=quiet --output type=cacheonly "$work/ctx" >/dev/null
samples=()
for _ in $(seq "$runs"); do
  samples+=("$(docker buildx build --no-cache --progress=rawjson --output type=cacheonly "$work/ctx" 2>&1 |
    jq -s -r '[.[] | .vertexes // [] | .[] | select(.name != null and (.name | test("RUN")) and .completed != null)]
              | last | ((.completed | sub("\\.[0-9]+Z$"; "Z") | fromdate) - (.started | sub("\\.[0-9]+Z$"; "Z") | fromdate)) as $whole
              | (.completed | capture("\\.(?<f>[0-9]+)Z$").f) as $cf | (.started | capture("\\.(?<f>[0-9]+)Z$").f) as $sf
              | ($whole + ("0." + $cf | tonumber) - ("0." + $sf | tonumber)) * 1000')")
done
buildkit_ms="$(printf '%s\n' "${samples[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}')"

echo "no-op RUN step, median of $runs runs (ms)"
echo "  kiln executor (spec + runc run + cleanup): $kiln_exec_ms"
echo "  kiln whole step ($driver snapshot prepare + mount + executor + unmount + commit): $kiln_step_ms"
echo "  BuildKit (buildx, vertex started..completed): $buildkit_ms"
