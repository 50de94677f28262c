#!/usr/bin/env bash
# Stops what infra/up.sh started.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/infra/kafka/stop.sh"
pidfile="$root/infra/postgres/.run/postgres.pid"
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null && for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$pidfile"
  echo "postgres: stopped"
fi
