#!/usr/bin/env bash
# The README's test command: sets up the machine, builds kiln, runs every test project and
# prints the totals on the last line as "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" all oracle || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
eval "$(bash "$root/scripts/env/test-env.sh" env | sed 's/^/export /')"
export KILN_TEST_REQUIRE_ALL="${CI:-}"

passed=0; failed=0
if ! dotnet build kiln.slnx -c Release -nologo -v:q; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
for project in tests/Kiln.Tests tests/Kiln.IntegrationTests tests/Kiln.DifferentialTests; do
  log="$(mktemp)"
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log"
  line="$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -1)"
  if [ -z "$line" ]; then
    if grep -q "No test is available" "$log"; then rm -f "$log"; continue; fi
    echo "test: $project produced no result line"; failed=$((failed + 1)); continue
  fi
  f="$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$line")"
  p="$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")"
  passed=$((passed + p)); failed=$((failed + f))
  rm -f "$log"
done
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
