#!/usr/bin/env bash
# The whole test suite: restore, build (warnings are errors), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Rosetta.slnx -c Release --nologo -v quiet
dotnet test Rosetta.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee /tmp/rosetta-test.log || true
# The plain closing line CI reads: 'N passed, N failed'.
# 'Passed: N' / 'Failed: N' lines of the console logger's closing block (Failed is absent when none failed).
passed=$(grep -E "^\s+Passed: +[0-9]+" /tmp/rosetta-test.log | tail -1 | grep -oE "[0-9]+" || true)
failed=$(grep -E "^\s+Failed: +[0-9]+" /tmp/rosetta-test.log | tail -1 | grep -oE "[0-9]+" || true)
failed=${failed:-0}
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
[ "$failed" = "0" ] && [ "${passed:-0}" -gt 0 ] && grep -qE "^\s*Total tests: +[0-9]+" /tmp/rosetta-test.log
