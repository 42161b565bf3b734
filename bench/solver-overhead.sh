#!/usr/bin/env bash
# Prints the solver's scheduling overhead per vertex for a graph of no-op vertices (default 10,000).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Kiln.Bench -c Release -v quiet -nologo >/dev/null
dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll solver-overhead "${1:-10000}"
