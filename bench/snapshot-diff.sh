#!/usr/bin/env bash
# Prints the throughput of diffing a step that wrote 1 GiB in 10,000 files into a layer (uncompressed, gzip, zstd).
# Run as root to measure the overlayfs snapshotter (the copy snapshotter is used otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Kiln.Bench -c Release -v quiet -nologo >/dev/null
dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll snapshot-diff "${1:-1024}" "${2:-10000}"
