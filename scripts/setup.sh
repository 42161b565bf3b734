#!/usr/bin/env bash
# Installs and starts what kiln's tests and demo need on a fresh machine (idempotent):
# Debian packages, QEMU binfmt, the local registry, busybox base images and, with the
# "oracle" step, the reference BuildKit (Docker Engine + buildx). Steps default to "all oracle".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
envsh="$here/../../shared/tools/test-env.sh"
[ -f "$envsh" ] || envsh="$here/env/test-env.sh"
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
[ $# -gt 0 ] || set -- all oracle
bash "$envsh" "$@"
# the registry tests' htpasswd-protected instance needs bcrypt hashes from htpasswd (apache2-utils)
if ! command -v htpasswd >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq apache2-utils >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq apache2-utils >/dev/null; }
fi
