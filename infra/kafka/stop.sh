#!/usr/bin/env bash
# Stops the broker that start.sh started on ${KAFKA_PORT:-19092} (and only that one).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-19092}"
run="${KAFKA_RUN_DIR:-$here/.run}"
pidfile="$run/kafka-$port.pid"
[ -f "$pidfile" ] || { echo "kafka: no broker started by us on $port"; exit 0; }
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$pidfile"
[ "${KAFKA_KEEP_DATA:-}" = "1" ] || rm -rf "$run/data-$port"
echo "kafka: stopped broker on $port"
