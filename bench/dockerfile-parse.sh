#!/usr/bin/env bash
# Prints Dockerfile frontend throughput: a 10,000-line Dockerfile and a 500-file corpus (Release build).
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release bench/dockerfile-parse.cs -- "$PWD/tests/testdata/dockerfile/parse"
