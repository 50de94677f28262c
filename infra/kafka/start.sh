#!/usr/bin/env bash
# Starts a real single-node Kafka broker (KRaft) on 127.0.0.1:${KAFKA_PORT:-19092} without Docker.
# Idempotent: if a broker already answers on the port, it is reused and nothing is started.
# The broker's jars come from Maven Central through pom.xml (fetched once into lib/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-19092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
run="${KAFKA_RUN_DIR:-$here/.run}"
mkdir -p "$run"

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "kafka: a broker already listens on 127.0.0.1:$port; reusing it"
  exit 0
fi

command -v java >/dev/null || { echo "kafka: java is not installed (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
if [ ! -f "$here/lib/.complete" ]; then
  command -v mvn >/dev/null || { echo "kafka: maven is not installed (apt-get install maven)" >&2; exit 1; }
  echo "kafka: fetching the broker from Maven Central (once)"
  rm -rf "$here/lib"
  mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib" -DincludeScope=runtime
  touch "$here/lib/.complete"
fi

logdir="$run/data-$port"
sed -e "s#@LOG_DIR@#$logdir#" -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" \
  "$here/server.properties" > "$run/server-$port.properties"
if [ ! -f "$logdir/meta.properties" ]; then
  cluster_id=$(java -cp "$here/lib/*" kafka.tools.StorageTool random-uuid)
  java -cp "$here/lib/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$run/server-$port.properties" --ignore-formatted >"$run/format-$port.log" 2>&1
fi

echo "kafka: starting broker on 127.0.0.1:$port (log: $run/kafka-$port.log)"
# KAFKA_JVM_FLAGS: extra JVM flags, e.g. -XX:TieredStopAtLevel=1 (the client compiler only: less CPU
# in short runs, about 1.8 times the broker's CPU per message once warm; docs/benchmarks.md,
# "Twenty-fourth round").
nohup java -Xms256m -Xmx${KAFKA_HEAP:-768m} -XX:+UseG1GC ${KAFKA_JVM_FLAGS:-} -Djava.awt.headless=true \
  -Dlog4j2.level=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$here/lib/*" kafka.Kafka "$run/server-$port.properties" >"$run/kafka-$port.log" 2>&1 &
echo $! > "$run/kafka-$port.pid"

node "$here/wait.js" "127.0.0.1:$port" "${KAFKA_WAIT_SECONDS:-90}" || {
  echo "kafka: broker did not become ready; last log lines:" >&2
  tail -n 30 "$run/kafka-$port.log" >&2
  exit 1
}
