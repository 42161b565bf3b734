#!/usr/bin/env bash
# The README's main-job command: sets up the machine, publishes the native kiln binary and builds
# examples/demo (a multi-stage Dockerfile with RUN, COPY --from and a cache mount) for linux/amd64
# and linux/arm64 on the local busybox image, pushes it to the local registry, shows the index and
# each platform's files, then rebuilds to show the cache at work.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" all
reg="${KILN_TEST_REGISTRY:-127.0.0.1:5000}"

echo "== publishing the native kiln binary (NativeAOT) to out/"
dotnet publish src/Kiln.Cli -c Release -p:PublishAot=true -o out -nologo -v:q >/dev/null
kiln="$root/out/kiln"
"$kiln" version

demo="$root/examples/demo"
work="$(mktemp -d /tmp/kiln-demo.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export KILN_ROOT="${KILN_ROOT:-$work/kiln-root}"

echo "== kiln build --platform linux/amd64,linux/arm64 --push -t $reg/kiln-demo/app:1.0 examples/demo"
"$kiln" build --progress=plain --platform linux/amd64,linux/arm64 \
  --push -t "$reg/kiln-demo/app:1.0" --metadata-file "$work/metadata.json" "$demo"
echo "== metadata file"
cat "$work/metadata.json"; echo

echo "== kiln imagetools inspect $reg/kiln-demo/app:1.0"
"$kiln" imagetools inspect "$reg/kiln-demo/app:1.0"

echo "== the files of each platform (kiln build -o type=local, from the cache)"
"$kiln" build --progress=quiet --platform linux/amd64,linux/arm64 -o "type=local,dest=$work/files" "$demo"
for p in linux_amd64 linux_arm64; do
  echo "-- $p: /app/platform = $(cat "$work/files/$p/app/platform")"
  ls -l "$work/files/$p/app"
done

echo "== rebuilding after editing src/message.txt: only the steps that read it run again"
cp -r "$demo" "$work/demo"
echo "Hello again from kiln" > "$work/demo/src/message.txt"
"$kiln" build --progress=plain --platform linux/amd64,linux/arm64 -o "type=oci,dest=$work/demo.tar" "$work/demo" 2>&1 | grep -E '^#[0-9]+ (\[|CACHED|DONE)'
