#!/usr/bin/env bash
# Store benchmark (issue 5): ingest rows/s into SQLite for 1M generated events, store size per million events,
# and the latency of a GROUP BY over them with and without its index. Whole process, medians of RUNS runs.
#
#   bash bench/store.sh [EVENTS] [RUNS]        (default 1000000 events, 3 runs; data cached in .bench/)
#
# Inputs: SentinelOne Deep Visibility NDJSON (../shared/bench/gen_s1.py, ~1.66 KB an event) and Defender
# NetworkCommunicationEvents NDJSON (gen_mdatp.py). Each run starts from an empty store. For comparison, the same
# input normalized to NDJSON on /dev/null (no store) is timed in the same loop, interleaved.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
events=${1:-1000000}
runs=${2:-3}

for kind in s1 mdatp; do
  [ -s "$data/$kind-$events.ndjson" ] || python3 "$shared/gen_$kind.py" "$events" --seed 1 --out "$data/$kind-$events.ndjson"
done

seconds() { /usr/bin/time -o "$data/time.out" -f "%e %M" "$@" 2>"$data/stderr.out" >/dev/null; cat "$data/time.out"; }   # wall s, peak RSS KB

printf "%s, %s events per input, %s runs, %s\n" "$(date -u +%Y-%m-%d)" "$events" "$runs" "$(nproc) cores"
printf "%-6s %-24s %10s %12s %10s %22s\n" input run "wall s" "rows/s" "peak RSS" "load s + indexes s"
for kind in s1 mdatp; do
  input="$data/$kind-$events.ndjson"
  : > "$data/store-$kind.times"; : > "$data/ndjson-$kind.times"
  for run in $(seq "$runs"); do
    rm -f "$data/$kind.db" "$data/$kind.db-wal" "$data/$kind.db-shm"
    read -r wall rss < <(seconds $rosetta normalize "$input" --store "$data/$kind.db")
    load=$(grep -oE "input[s]? \([^)]*\) in [0-9.]+ s" "$data/stderr.out" | grep -oE "[0-9.]+ s$" | grep -oE "[0-9.]+")
    index=$(grep -oE "making the store's indexes: [0-9.]+" "$data/stderr.out" | grep -oE "[0-9.]+$" || echo 0)
    echo "$wall $rss $load $index" >> "$data/store-$kind.times"
    read -r wall2 rss2 < <(seconds $rosetta normalize "$input" -o /dev/null -q)
    echo "$wall2 $rss2 - -" >> "$data/ndjson-$kind.times"
  done
  for mode in store ndjson; do
    wall=$(cut -d' ' -f1 "$data/$mode-$kind.times" | median)
    rss=$(cut -d' ' -f2 "$data/$mode-$kind.times" | median)
    phases="-"
    if [ "$mode" = store ]; then
      phases="$(cut -d' ' -f3 "$data/$mode-$kind.times" | median) + $(cut -d' ' -f4 "$data/$mode-$kind.times" | median)"
    fi
    printf "%-6s %-24s %10.2f %12.0f %7.0f MB %22s\n" "$kind" "$([ $mode = store ] && echo 'normalize --store' || echo 'normalize -o /dev/null')" \
      "$wall" "$(echo "$events / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$phases"
  done
  bytes=$(stat -c %s "$data/$kind.db")
  printf "%-6s store size %.0f MB (%.0f MB per million events); input %.0f MB\n" "$kind" "$(echo "$bytes / 1048576" | bc -l)" \
    "$(echo "$bytes / 1048576 * 1000000 / $events" | bc -l)" "$(echo "$(stat -c %s "$input") / 1048576" | bc -l)"
  for query in "SELECT dst_port, count(*) FROM events GROUP BY dst_port" "SELECT dst_port, count(*) FROM events NOT INDEXED GROUP BY dst_port" \
               "SELECT process_name, count(*) FROM events GROUP BY process_name" "SELECT process_name, count(*) FROM events NOT INDEXED GROUP BY process_name"; do
    : > "$data/query.times"
    for run in $(seq "$runs"); do
      $rosetta hunt --store "$data/$kind.db" "$query" --format csv 2>&1 >/dev/null | grep -oE "in [0-9.]+ s" | grep -oE "[0-9.]+" >> "$data/query.times"
    done
    printf "%-6s %-72s %8.3f s\n" "$kind" "$query" "$(median < "$data/query.times")"
  done
done
