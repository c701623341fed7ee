#!/usr/bin/env bash
# Detection benchmark (issue 7): records/s of `rosetta detect --normalized` on one core, over 1M normalized records
# of SentinelOne Deep Visibility and of Defender, with the SigmaHQ network_connection rules in ../shared/sigma/rules
# loaded. Records are normalized once (cached in .bench/); whole process, medians of RUNS runs.
#
#   bash bench/detect.sh [EVENTS] [RUNS]       (default 1000000 events, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
events=${1:-1000000}
runs=${2:-3}
mkdir -p "$data/net-rules"
cp ../shared/sigma/rules/net_connection_*.yml "$data/net-rules/"
rules=$(ls "$data/net-rules" | wc -l)

printf "%s, %s records per input, %s network_connection rules, %s runs, %s cores\n" "$(date -u +%Y-%m-%d)" "$events" "$rules" "$runs" "$(nproc)"
printf "%-6s %10s %10s %12s %10s %10s\n" input "wall s" "cpu s" "records/s" "matches" "peak RSS"
for kind in s1 mdatp; do
  [ -s "$data/$kind-$events.ndjson" ] || python3 "$shared/gen_$kind.py" "$events" --seed 1 --out "$data/$kind-$events.ndjson"
  [ -s "$data/$kind-$events.records.ndjson" ] || $rosetta normalize "$data/$kind-$events.ndjson" -q -o "$data/$kind-$events.records.ndjson"
  : > "$data/detect-$kind.times"
  for run in $(seq "$runs"); do
    /usr/bin/time -o "$data/time.out" -f "%e %U %S %M" $rosetta detect --rules "$data/net-rules" --normalized "$data/$kind-$events.records.ndjson" -o /dev/null 2>"$data/detect.err"
    matches=$(grep -oE "[0-9,]+ matches" "$data/detect.err" | tr -d ', matches')
    read -r wall user sys rss < "$data/time.out"
    echo "$wall $(echo "$user + $sys" | bc -l) $rss $matches" >> "$data/detect-$kind.times"
  done
  wall=$(cut -d' ' -f1 "$data/detect-$kind.times" | median)
  cpu=$(cut -d' ' -f2 "$data/detect-$kind.times" | median)
  rss=$(cut -d' ' -f3 "$data/detect-$kind.times" | median)
  matches=$(cut -d' ' -f4 "$data/detect-$kind.times" | head -1)
  printf "%-6s %10.2f %10.2f %12.0f %10s %7.0f MB\n" "$kind" "$wall" "$cpu" "$(echo "$events / $wall" | bc -l)" "$matches" "$(echo "$rss / 1024" | bc -l)"
done
