#!/usr/bin/env bash
# Whole-process normalize benchmark (issue 6), side by side with ../shared/bench's baselines in one run:
# rosetta --standard-only and default, the hand-written reference mapper (s1map map) and its tokenize floor, jq and
# python. Interleaved runs, medians; MB/s of input, events/s, peak RSS, and ratios to the reference.
#
#   bash bench/run.sh [EVENTS] [RUNS] [SLOW_EVENTS]
#       EVENTS       S1 events for rosetta and the reference (default 1000000, 1.58 GB)
#       RUNS         interleaved runs (default 3)
#       SLOW_EVENTS  events for jq and python, which are 20-50x slower (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
runs=${2:-3}
slow=${3:-100000}
shared=../shared/bench
data=.bench
mkdir -p "$data/reference-src"
dotnet build src/Rosetta.Cli -c Release --nologo -v quiet >/dev/null
# The reference is built outside the repository's build rules (its own project, as ../shared ships it).
cp "$shared/reference/Program.cs" "$shared/reference/s1map.csproj" "$data/reference-src/"
echo '<Project></Project>' > "$data/reference-src/Directory.Build.props"
echo '<Project></Project>' > "$data/reference-src/Directory.Packages.props"
dotnet build "$data/reference-src" -c Release --nologo -v quiet -o "$data/reference" >/dev/null
rosetta="dotnet src/Rosetta.Cli/bin/Release/net10.0/rosetta.dll"
reference="dotnet $data/reference/s1map.dll"
input="$data/s1-$events.ndjson"
small="$data/s1-$slow.ndjson"
[ -s "$input" ] || python3 "$shared/gen_s1.py" "$events" --seed 1 --out "$input"
[ -s "$small" ] || python3 "$shared/gen_s1.py" "$slow" --seed 1 --out "$small"
bytes=$(stat -c %s "$input")
small_bytes=$(stat -c %s "$small")

declare -A commands=(
  [rosetta-standard-only]="$rosetta normalize $input --standard-only -q -o /dev/null"
  [rosetta-default]="$rosetta normalize $input -q -o /dev/null"
  [reference-map]="$reference map $input /dev/null"
  [reference-tokenize]="$reference tokenize $input"
  [jq]="jq -c -f $shared/jq_map.jq $small"
  [python]="python3 $shared/py_map.py $small /dev/null"
)
order=(rosetta-standard-only rosetta-default reference-map reference-tokenize jq python)
for name in "${order[@]}"; do : > "$data/run-$name.times"; done
for run in $(seq "$runs"); do
  for name in "${order[@]}"; do
    /usr/bin/time -o "$data/time.out" -f "%e %M" bash -c "${commands[$name]} > /dev/null 2>&1"
    cat "$data/time.out" >> "$data/run-$name.times"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ref=$(cut -d' ' -f1 "$data/run-reference-map.times" | median)
ref_mbs=$(echo "$bytes / 1048576 / $ref" | bc -l)
printf "%s, %s, %s cores, %s S1 events (%.0f MB; jq and python: %s events), %s runs, medians\n" \
  "$(date -u +%Y-%m-%d)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" "$events" "$(echo "$bytes / 1048576" | bc -l)" "$slow" "$runs"
printf "%-22s %9s %9s %12s %9s %12s\n" run "wall s" "MB/s" "events/s" "RSS MB" "x reference"
for name in "${order[@]}"; do
  wall=$(cut -d' ' -f1 "$data/run-$name.times" | median)
  rss=$(cut -d' ' -f2 "$data/run-$name.times" | median)
  size=$bytes; count=$events
  if [ "$name" = jq ] || [ "$name" = python ]; then size=$small_bytes; count=$slow; fi
  mbs=$(echo "$size / 1048576 / $wall" | bc -l)
  printf "%-22s %9.2f %9.1f %12.0f %9.0f %12.2f\n" "$name" "$wall" "$mbs" "$(echo "$count / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(echo "$mbs / $ref_mbs" | bc -l)"
done
