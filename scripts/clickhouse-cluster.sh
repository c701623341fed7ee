#!/usr/bin/env bash
# A local ClickHouse cluster for Rosetta's tests and benchmarks: one ZooKeeper and two ClickHouse servers (cluster
# 'rosetta', two shards of one replica each), all on 127.0.0.1, from a folder of their own, without systemd.
#
#   bash scripts/clickhouse-cluster.sh start   installs Debian's clickhouse-server and zookeeper when missing, starts the
#                                              servers (or finds them running) and prints the store URL as its last line
#   bash scripts/clickhouse-cluster.sh stop    stops the servers this script started, and only those
#   bash scripts/clickhouse-cluster.sh status  says what runs
#   bash scripts/clickhouse-cluster.sh install only installs what is missing (CI runs it before the tests)
#
# Environment: ROSETTA_CLICKHOUSE_DIR (default /tmp/rosetta-clickhouse) holds configuration, data, logs and pids;
# ROSETTA_CLICKHOUSE_PORT (default 18123) is the first node's HTTP port: the second node's is one more, native and
# interserver ports are 900 and 1800 above them, ZooKeeper's is ROSETTA_CLICKHOUSE_PORT - 5942 (12181).
set -euo pipefail

dir=${ROSETTA_CLICKHOUSE_DIR:-/tmp/rosetta-clickhouse}
http1=${ROSETTA_CLICKHOUSE_PORT:-18123}
http2=$((http1 + 1))
zk_port=$((http1 - 5942))
database=rosetta
cluster=rosetta

say() { echo "clickhouse-cluster: $*" >&2; }

install_missing() {
  local missing=()
  command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ] || missing+=(clickhouse-server)
  [ -f /usr/share/java/zookeeper.jar ] || missing+=(zookeeper)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    # Debian's packages would start their services; nothing here is started by the package manager.
    echo 'exit 101' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    $sudo rm -f /usr/sbin/policy-rc.d
  fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

zookeeper_ok() { # ZooKeeper answers 'imok' to 'ruok'
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$zk_port" 2>/dev/null || return 1
  echo ruok >&3
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [ "$reply" = imok ]
}

node_config() { # node number, http port
  local n=$1 http=$2 tcp=$(($2 + 900)) interserver=$(($2 + 1800)) node_dir="$dir/node$1"
  mkdir -p "$node_dir"/{data,tmp,user_files,log}
  cat >"$node_dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>$node_dir/log/server.log</log><errorlog>$node_dir/log/error.log</errorlog><size>100M</size><count>2</count></logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$http</http_port>
    <tcp_port>$tcp</tcp_port>
    <interserver_http_port>$interserver</interserver_http_port>
    <interserver_http_host>127.0.0.1</interserver_http_host>
    <path>$node_dir/data/</path>
    <tmp_path>$node_dir/tmp/</tmp_path>
    <user_files_path>$node_dir/user_files/</user_files_path>
    <format_schema_path>$node_dir/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <max_concurrent_queries>50</max_concurrent_queries>
    <remote_servers>
        <$cluster>
            <shard><replica><host>127.0.0.1</host><port>$((http1 + 900))</port></replica></shard>
            <shard><replica><host>127.0.0.1</host><port>$((http2 + 900))</port></replica></shard>
        </$cluster>
    </remote_servers>
    <zookeeper><node><host>127.0.0.1</host><port>$zk_port</port></node><session_timeout_ms>30000</session_timeout_ms></zookeeper>
    <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
    <macros><shard>0$n</shard><replica>node$n</replica></macros>
</yandex>
XML
}

start() {
  install_missing
  mkdir -p "$dir/zookeeper/data"
  if ! alive "$dir/zookeeper.pid"; then
    cat >"$dir/zookeeper/zoo.cfg" <<CFG
tickTime=2000
dataDir=$dir/zookeeper/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
admin.enableServer=false
maxClientCnxns=200
4lw.commands.whitelist=ruok
CFG
    java -Xmx256m -Dzookeeper.log.dir="$dir/zookeeper" -cp "/usr/share/java/zookeeper.jar:$(ls /usr/share/java/*.jar | tr '\n' ':')" \
      org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zookeeper/zoo.cfg" >"$dir/zookeeper/out.log" 2>&1 &
    echo $! >"$dir/zookeeper.pid"
  fi
  # ClickHouse 18.16 crashes (zkutil::ZooKeeper::createImpl) when it starts before ZooKeeper answers: wait for it first.
  for _ in $(seq 1 240); do
    zookeeper_ok && break
    alive "$dir/zookeeper.pid" || { say "ZooKeeper did not start:"; tail -20 "$dir/zookeeper/out.log" >&2; exit 1; }
    sleep 0.25
  done
  zookeeper_ok || { say "ZooKeeper does not answer on $zk_port"; exit 1; }

  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>4000000000</max_memory_usage><load_balancing>in_order</load_balancing></default></profiles>
    <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  local n http
  for n in 1 2; do
    http=$((http1 + n - 1))
    if ! alive "$dir/node$n.pid"; then
      node_config "$n" "$http"
      /usr/sbin/clickhouse-server --config-file="$dir/node$n/config.xml" >"$dir/node$n/log/out.log" 2>&1 &
      echo $! >"$dir/node$n.pid"
    fi
  done

  for n in 1 2; do
    http=$((http1 + n - 1))
    for _ in $(seq 1 120); do
      if [ "$(curl -s "http://127.0.0.1:$http/ping" 2>/dev/null)" = "Ok." ]; then break; fi
      alive "$dir/node$n.pid" || { say "node $n did not start:"; tail -20 "$dir/node$n/log/error.log" "$dir/node$n/log/out.log" >&2; exit 1; }
      sleep 0.25
    done
    [ "$(curl -s "http://127.0.0.1:$http/ping")" = "Ok." ] || { say "node $n does not answer on $http"; exit 1; }
  done
  # Both servers reach ZooKeeper (distributed DDL needs it) and are still running.
  for n in 1 2; do
    http=$((http1 + n - 1))
    for _ in $(seq 1 120); do
      if curl -sf "http://127.0.0.1:$http/" --data-binary "SELECT count() FROM system.zookeeper WHERE path = '/'" >/dev/null 2>&1; then break; fi
      sleep 0.25
    done
    curl -sf "http://127.0.0.1:$http/" --data-binary "SELECT count() FROM system.zookeeper WHERE path = '/'" >/dev/null \
      || { say "node $n does not reach ZooKeeper:"; tail -5 "$dir/node$n/log/error.log" >&2; exit 1; }
  done
  say "ZooKeeper 127.0.0.1:$zk_port, nodes http://127.0.0.1:$http1 and http://127.0.0.1:$http2 (cluster '$cluster'), files in $dir"
  echo "clickhouse://127.0.0.1:$http1/$database?cluster=$cluster"
}

stop() {
  local name
  for name in node1 node2 zookeeper; do
    if alive "$dir/$name.pid"; then
      local pid
      pid=$(cat "$dir/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
      say "stopped $name ($pid)"
    fi
    rm -f "$dir/$name.pid"
  done
}

status() {
  local name
  for name in zookeeper node1 node2; do
    if alive "$dir/$name.pid"; then echo "$name: running ($(cat "$dir/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  install) install_missing ;;
  *) echo "usage: $0 start|stop|status|install" >&2; exit 2 ;;
esac
