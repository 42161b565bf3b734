#!/usr/bin/env bash
# Build-context hashing benchmark: first hash of a 100,000-file / ~1 GiB tree beside
# `tar cf - DIR | sha256sum`, then the second (unchanged) hash, which the stat cache should serve
# without reading any file. The tree is created once under /tmp and reused.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
tree="${KILN_BENCH_CONTEXT:-/tmp/kiln-bench-context}"
files=100000
work="$(mktemp -d /tmp/kiln-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [[ ! -f "$tree/.complete" ]]; then
    echo "creating $files files (~1 GiB) under $tree ..."
    rm -rf "$tree"
    python3 - "$tree" "$files" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
block = os.urandom(1 << 20)
for i in range(count):
    d = os.path.join(root, f"d{i // 1000:03d}", f"s{(i // 100) % 10}")
    if i % 100 == 0:
        os.makedirs(d, exist_ok=True)
    size = rng.randint(0, 21474)  # mean ~10.7 KB, so ~1 GiB in all
    off = rng.randint(0, len(block) - size)
    with open(os.path.join(d, f"f{i:06d}.bin"), "wb") as f:
        f.write(i.to_bytes(8, "little") + block[off:off + size])
PY
    touch -d '2020-01-01' "$tree/.complete"
fi

echo "building kiln (Release) ..."
dotnet build "$here/src/Kiln.Cli" -c Release -o "$work/kiln" -v q -nologo >/dev/null
kiln="$work/kiln/kiln"

bytes=$(du -sb --apparent-size "$tree" | cut -f1)
echo "tree: $(find "$tree" -type f | wc -l) files, $((bytes / 1048576)) MiB (page cache warm after the first pass)"

start=$(date +%s.%N)
tar cf - -C "$tree" . | sha256sum >/dev/null
end=$(date +%s.%N)
tar_s=$(echo "$end - $start" | bc)
echo "tar cf - | sha256sum: ${tar_s}s, $(echo "$bytes / 1000000 / $tar_s" | bc) MB/s"

cache="$work/stat.db"
echo "kiln first hash (empty stat cache):"
"$kiln" debug hash-context --stat-cache "$cache" "$tree" | sed 's/^/  /'
echo "kiln second hash (unchanged tree):"
start=$(date +%s.%N)
"$kiln" debug hash-context --stat-cache "$cache" "$tree" | sed 's/^/  /'
end=$(date +%s.%N)
echo "  wall time including process start: $(echo "$end - $start" | bc)s"
