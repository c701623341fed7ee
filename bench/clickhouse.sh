#!/usr/bin/env bash
# ClickHouse benchmark (issue 8): ingest rows/s of 1M generated SentinelOne events into one ClickHouse node and
# through the two-shard Distributed table of the local cluster (scripts/clickhouse-cluster.sh), beside the SQLite
# store of the same events; then the latency of each saved hunt on the three stores (medians of RUNS runs).
#
#   bash bench/clickhouse.sh [EVENTS] [RUNS]     (default 1000000 events, 3 hunt runs; data cached in .bench/)
#
# Everything runs on this one machine: the two ClickHouse servers, ZooKeeper and rosetta share its cores, so the
# cluster figures show the cost of sharding, not its gain.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
events=${1:-1000000}
runs=${2:-3}
input="$data/s1-$events.ndjson"
[ -s "$input" ] || python3 "$shared/gen_s1.py" "$events" --seed 1 --out "$input"

url=$(bash scripts/clickhouse-cluster.sh start 2>/dev/null | tail -1)
base=${url%%/rosetta*}
single="$base/bench_single"
clustered="$base/bench_cluster?cluster=rosetta"
sql() { curl -sf "${base/clickhouse:/http:}/" --data-binary "$1"; }
seconds() { /usr/bin/time -o "$data/time.out" -f "%e %M" "$@" 2>"$data/stderr.out" >/dev/null; cat "$data/time.out"; }   # wall s, peak RSS KB

printf "%s, %s S1 events (%s MB), %s cores, ClickHouse %s\n" "$(date -u +%Y-%m-%d)" "$events" "$(( $(stat -c %s "$input") / 1000000 ))" "$(nproc)" "$(sql 'SELECT version()')"
printf "%-34s %9s %10s %10s %s\n" store "wall s" "rows/s" "peak RSS" "bytes on disk"
sql "DROP DATABASE IF EXISTS bench_single" >/dev/null
sql "DROP DATABASE IF EXISTS bench_cluster ON CLUSTER rosetta" >/dev/null
read -r wall rss < <(seconds $rosetta normalize "$input" --store "$single")
bytes=$(sql "SELECT sum(bytes_on_disk) FROM system.parts WHERE database = 'bench_single' AND active")
printf "%-34s %9.2f %10.0f %8d MB %d MB\n" "ClickHouse, one node" "$wall" "$(echo "$events / $wall" | bc -l)" "$((rss / 1024))" "$((bytes / 1000000))"
read -r wall rss < <(seconds $rosetta normalize "$input" --store "$clustered")
bytes=$(sql "SELECT sum(bytes_on_disk) FROM cluster('rosetta', system.parts) WHERE database = 'bench_cluster' AND active")
printf "%-34s %9.2f %10.0f %8d MB %d MB\n" "ClickHouse, 2 shards (Distributed)" "$wall" "$(echo "$events / $wall" | bc -l)" "$((rss / 1024))" "$((bytes / 1000000))"
echo "  per shard: $(sql "SELECT count() FROM bench_cluster.events_local") on node 1, $(curl -sf "http://127.0.0.1:$(( ${base##*:} + 1 ))/" --data-binary "SELECT count() FROM bench_cluster.events_local") on node 2"
if [ ! -s "$data/s1.db" ]; then
  read -r wall rss < <(seconds $rosetta normalize "$input" --store "$data/s1.db")
  printf "%-34s %9.2f %10.0f %8d MB\n" "SQLite" "$wall" "$(echo "$events / $wall" | bc -l)" "$((rss / 1024))"
else
  echo "SQLite: ingest rows/s in bench/store.sh; the hunts below read its store $data/s1.db"
fi

printf "\n%-36s %12s %12s %12s  (seconds, whole process, median of %s)\n" "saved hunt on $events events" SQLite "CH 1 node" "CH 2 shards" "$runs"
for hunt in $(ls hunts/*.sql | xargs -n1 basename | sed 's/\.sql$//'); do
  : > "$data/h-sqlite"; : > "$data/h-single"; : > "$data/h-cluster"
  for _ in $(seq "$runs"); do
    seconds $rosetta hunt --store "$data/s1.db" --saved "$hunt" --format csv | cut -d' ' -f1 >> "$data/h-sqlite"
    seconds $rosetta hunt --store "$single" --saved "$hunt" --format csv | cut -d' ' -f1 >> "$data/h-single"
    seconds $rosetta hunt --store "$clustered" --saved "$hunt" --format csv | cut -d' ' -f1 >> "$data/h-cluster"
  done
  printf "%-36s %12s %12s %12s\n" "$hunt" "$(median < "$data/h-sqlite")" "$(median < "$data/h-single")" "$(median < "$data/h-cluster")"
done
