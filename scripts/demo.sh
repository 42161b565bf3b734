#!/usr/bin/env bash
# The README's main-job command: sets up the machine, publishes the native kiln binary and runs
# kiln against the local registry. Until `kiln build` lands this demonstrates the registry side
# (seed 003's workflow): per-architecture images stitched into one multi-platform tag.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" all
reg="${KILN_TEST_REGISTRY:-127.0.0.1:5000}"

echo "== publishing the native kiln binary (NativeAOT) to out/"
dotnet publish src/Kiln.Cli -c Release -p:PublishAot=true -o out -nologo -v:q >/dev/null
kiln="$root/out/kiln"
"$kiln" version

echo "== kiln imagetools inspect $reg/busybox:latest"
"$kiln" imagetools inspect "$reg/busybox:latest"

digest_of() { "$kiln" imagetools inspect --raw "$reg/busybox:latest" | jq -r --arg a "$1" '.manifests[] | select(.platform.architecture == $a) | .digest'; }
amd64="$(digest_of amd64)"
arm64="$(digest_of arm64)"

echo "== kiln imagetools create: join the amd64 and arm64 manifests under $reg/kiln-demo/app:1.0"
"$kiln" imagetools create -t "$reg/kiln-demo/app:1.0" \
  --annotation "index:org.opencontainers.image.description=kiln demo" \
  "$reg/busybox@$amd64" "$reg/busybox@$arm64"

echo "== kiln imagetools inspect $reg/kiln-demo/app:1.0"
"$kiln" imagetools inspect "$reg/kiln-demo/app:1.0"
