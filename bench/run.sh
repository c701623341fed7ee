#!/usr/bin/env bash
# Whole-process normalize benchmark (issue 6), side by side with ../shared/bench's baselines in one run:
# rosetta --standard-only and default, as the Native AOT binary (aot-*) and as the JIT build (`dotnet rosetta.dll`),
# the hand-written reference mapper (s1map map) and its tokenize floor, jq and python; two threads beside the
# reference's own parallel mode; Defender NDJSON and CSV (gen_mdatp.py), on one thread and two, beside a jq program
# and a python script written for them (bench/jq_mdatp.jq, bench/py_mdatp.py); start-up on a one-event file.
# Interleaved runs, medians; MB/s of input, events/s, peak RSS, the ratio of MB/s to the S1 reference's, and two
# threads against one.
#
#   bash bench/run.sh [EVENTS] [RUNS] [SLOW_EVENTS]
#       EVENTS       S1 events for rosetta and the reference (default 1000000, 1.58 GB)
#       RUNS         interleaved runs (default 3)
#       SLOW_EVENTS  events for jq and python, which are 20-50x slower (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
events=${1:-1000000}
runs=${2:-3}
slow=${3:-100000}
mkdir -p "$data/reference-src"
# The reference is built outside the repository's build rules (its own project, as ../shared ships it).
cp "$shared/reference/Program.cs" "$shared/reference/s1map.csproj" "$data/reference-src/"
echo '<Project></Project>' > "$data/reference-src/Directory.Build.props"
echo '<Project></Project>' > "$data/reference-src/Directory.Packages.props"
dotnet build "$data/reference-src" -c Release --nologo -v quiet -o "$data/reference" >/dev/null
publish_aot
reference="dotnet $data/reference/s1map.dll"
input="$data/s1-$events.ndjson"
small="$data/s1-$slow.ndjson"
mdatp="$data/mdatp-$events.ndjson"
mdatp_csv="$data/mdatp-$events.csv"
mdatp_small="$data/mdatp-$slow.ndjson"
mdatp_small_csv="$data/mdatp-$slow.csv"
[ -s "$input" ] || python3 "$shared/gen_s1.py" "$events" --seed 1 --out "$input"
[ -s "$small" ] || python3 "$shared/gen_s1.py" "$slow" --seed 1 --out "$small"
[ -s "$mdatp" ] || python3 "$shared/gen_mdatp.py" "$events" --seed 1 --out "$mdatp"
[ -s "$mdatp_csv" ] || python3 "$shared/gen_mdatp.py" "$events" --seed 1 --format csv --out "$mdatp_csv"
[ -s "$mdatp_small" ] || python3 "$shared/gen_mdatp.py" "$slow" --seed 1 --out "$mdatp_small"
[ -s "$mdatp_small_csv" ] || python3 "$shared/gen_mdatp.py" "$slow" --seed 1 --format csv --out "$mdatp_small_csv"
bytes=$(stat -c %s "$input")
one="$data/s1-one.ndjson"
head -1 "$input" > "$one"

declare -A commands=(
  [aot-standard-only]="$rosetta_aot normalize $input --standard-only -q -o /dev/null"
  [aot-default]="$rosetta_aot normalize $input -q -o /dev/null"
  [jit-standard-only]="$rosetta normalize $input --standard-only -q -o /dev/null"
  [jit-default]="$rosetta normalize $input -q -o /dev/null"
  [reference-map]="$reference map $input /dev/null"
  [reference-tokenize]="$reference tokenize $input"
  [jq]="jq -c -f $shared/jq_map.jq $small"
  [python]="python3 $shared/py_map.py $small /dev/null"
  [aot-2-threads]="$rosetta_aot normalize $input --standard-only --threads 2 -q -o /dev/null"
  [jit-2-threads]="$rosetta normalize $input --standard-only --threads 2 -q -o /dev/null"
  [reference-mappar-2]="$reference mappar $input /dev/null 2"
  [mdatp-aot-standard-only]="$rosetta_aot normalize $mdatp --standard-only -q -o /dev/null"
  [mdatp-aot-default]="$rosetta_aot normalize $mdatp -q -o /dev/null"
  [mdatp-jq]="jq -c -f bench/jq_mdatp.jq $mdatp_small"
  [mdatp-python]="python3 bench/py_mdatp.py $mdatp_small /dev/null"
  [mdatp-aot-2-threads]="$rosetta_aot normalize $mdatp --standard-only --threads 2 -q -o /dev/null"
  [csv-aot-standard-only]="$rosetta_aot normalize $mdatp_csv --standard-only -q -o /dev/null"
  [csv-aot-default]="$rosetta_aot normalize $mdatp_csv -q -o /dev/null"
  [csv-python]="python3 bench/py_mdatp.py $mdatp_small_csv /dev/null"
  [csv-aot-2-threads]="$rosetta_aot normalize $mdatp_csv --standard-only --threads 2 -q -o /dev/null"
  [start-aot]="$rosetta_aot normalize $one -q -o /dev/null"
  [start-jit]="$rosetta normalize $one -q -o /dev/null"
)
order=(aot-standard-only aot-default jit-standard-only jit-default reference-map reference-tokenize jq python aot-2-threads jit-2-threads
       reference-mappar-2 mdatp-aot-standard-only mdatp-aot-default mdatp-jq mdatp-python mdatp-aot-2-threads
       csv-aot-standard-only csv-aot-default csv-python csv-aot-2-threads start-aot start-jit)
# REPORT_ONLY=1 prints the table of the last run again without running anything.
if [ "${REPORT_ONLY:-0}" != 1 ]; then
  for name in "${order[@]}"; do : > "$data/run-$name.times"; done
  for run in $(seq "$runs"); do
    for name in "${order[@]}"; do
      /usr/bin/time -o "$data/time.out" -f "%e %M" bash -c "${commands[$name]} > /dev/null 2>&1"
      cat "$data/time.out" >> "$data/run-$name.times"
    done
  done
fi

ref=$(cut -d' ' -f1 "$data/run-reference-map.times" | median)
ref_mbs=$(echo "$bytes / 1048576 / $ref" | bc -l)
printf "%s, %s, %s cores, %s S1 events (%.0f MB; jq and python: %s events), %s runs, medians\n" \
  "$(date -u +%Y-%m-%d)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" "$events" "$(echo "$bytes / 1048576" | bc -l)" "$slow" "$runs"
printf "%-28s %9s %9s %12s %9s %12s\n" run "wall s" "MB/s" "events/s" "RSS MB" "x reference"
for name in "${order[@]}"; do
  wall=$(cut -d' ' -f1 "$data/run-$name.times" | median)
  rss=$(cut -d' ' -f2 "$data/run-$name.times" | median)
  case $name in
    jq|python) file=$small; count=$slow ;;
    mdatp-jq|mdatp-python) file=$mdatp_small; count=$slow ;;
    csv-python) file=$mdatp_small_csv; count=$slow ;;
    start-*) file=$one; count=1 ;;
    mdatp-*) file=$mdatp; count=$events ;;
    csv-*) file=$mdatp_csv; count=$events ;;
    *) file=$input; count=$events ;;
  esac
  size=$(stat -c %s "$file")
  mbs=$(echo "$size / 1048576 / $wall" | bc -l)
  case $name in
    mdatp-*|csv-*|start-*) versus="-" ;; # the reference maps S1 only
    *) versus=$(printf "%.2f" "$(echo "$mbs / $ref_mbs" | bc -l)") ;;
  esac
  printf "%-28s %9.2f %9.1f %12.0f %9.0f %12s\n" "$name" "$wall" "$mbs" "$(echo "$count / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$versus"
done

# Two threads against one, on the same input and build.
for prefix in "" mdatp- csv-; do
  one_thread=$(cut -d' ' -f1 "$data/run-${prefix}aot-standard-only.times" | median)
  two_threads=$(cut -d' ' -f1 "$data/run-${prefix}aot-2-threads.times" | median)
  printf "two threads, %-5s %.2fx one thread\n" "${prefix%-}${prefix:+:}" "$(echo "$one_thread / $two_threads" | bc -l)"
done
