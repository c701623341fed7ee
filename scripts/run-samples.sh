#!/usr/bin/env bash
# Rosetta's main job on the bundled samples with the embedded default: normalize samples/ into the SQLite store
# out/samples.db (dead letters beside it), print the summary, then run the saved hunt that joins one connection
# reported by two vendors on its Community ID, and print its table.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/samples.db out/samples.db-wal out/samples.db-shm
dotnet build src/Rosetta.Cli -c Release --nologo -v quiet >/dev/null
rosetta="dotnet src/Rosetta.Cli/bin/Release/net10.0/rosetta.dll"
$rosetta normalize samples --store out/samples.db
$rosetta hunt --store out/samples.db --saved same-flow-two-vendors --format table
