#!/usr/bin/env bash
# Rosetta's main job on the bundled samples with the shipped dictionaries: normalize samples/ into
# out/samples.ndjson (dead letters beside it) and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
dotnet run --project src/Rosetta.Cli -c Release -- normalize samples -o out/samples.ndjson
