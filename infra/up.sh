#!/usr/bin/env bash
# Starts the real infrastructure on this machine without Docker: a Kafka broker (KRaft) on
# 127.0.0.1:19092 and, unless DATABASE_URL is set, an embedded PostgreSQL on 127.0.0.1:54329.
# Prints the environment to export for running the apps as separate processes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/infra/kafka/start.sh"
if [ -z "${DATABASE_URL:-}" ]; then
  run="$root/infra/postgres/.run"; mkdir -p "$run"
  port="${PG_PORT:-54329}"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "postgres: already listening on 127.0.0.1:$port"
  else
    [ -f "$root/packages/database/dist/index.js" ] || (cd "$root" && npx turbo run build --filter=@leaderscope/database >/dev/null)
    nohup node "$root/infra/postgres/run.js" >"$run/postgres.log" 2>&1 &
    echo $! >"$run/postgres.pid"
    for _ in $(seq 1 120); do grep -q "ready at" "$run/postgres.log" 2>/dev/null && break; sleep 0.5; done
    grep "ready at" "$run/postgres.log" || { cat "$run/postgres.log" >&2; exit 1; }
  fi
  echo
  echo "export DATABASE_URL=postgres://postgres:leaderscope@127.0.0.1:$port/leaderscope"
fi
echo "export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT:-19092}"
