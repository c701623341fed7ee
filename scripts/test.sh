#!/usr/bin/env bash
# The whole test suite: restore, build (warnings are errors), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Rosetta.slnx -c Release --nologo -v quiet
dotnet test Rosetta.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee /tmp/rosetta-test.log || true
# The plain closing line CI reads: 'N passed, N failed'.
summary=$(grep -E "^(Passed|Failed)!" /tmp/rosetta-test.log | tail -1)
passed=$(echo "$summary" | sed -nE 's/.*Passed: *([0-9]+).*/\1/p')
failed=$(echo "$summary" | sed -nE 's/.*Failed: *([0-9]+).*/\1/p')
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-1}" = "0" ] && [ "${passed:-0}" -gt 0 ]
