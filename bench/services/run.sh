#!/usr/bin/env bash
# CPU per call of the demo services (the whole-stack benchmark's downstreams), called directly by wrk: for each
# jar given (default: the one built from this checkout), one JVM after the other on the same port, a warm-up
# and then each call the BFFs make, at c=$CONNECTIONS: req/s, p50, and the JVM's CPU ms per call
# (utime+stime from /proc/<pid>/stat ÷ calls). Several jars in one run compare builds under the same load:
#   bench/services/run.sh old-demo-services.jar demo/services/target/demo-services-0.1.0-SNAPSHOT.jar
# Settings: WARMUP=30s DURATION=10s CONNECTIONS=50 JVM_OPTIONS=(the images', as bench/stack/run.sh) ROUNDS=1
# (ROUNDS=2 alternates the jars twice, which evens out a machine whose load changes). Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18490}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
ROUNDS=${ROUNDS:-1}
JVM_OPTIONS=${JVM_OPTIONS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TICKS=$(getconf CLK_TCK)
CALLS=(/catalog/products/p-001 /pricing/prices/p-001 /inventory/stock/p-001 /reviews/products/p-001
  /customers/c-001 "/orders?customerId=c-001&limit=5" /recommendations/customers/c-001)
JARS=("$@")
if [ ${#JARS[@]} -eq 0 ]; then
  [ -f demo/services/target/demo-services-0.1.0-SNAPSHOT.jar ] ||
    ./mvnw -B -ntp -q -DskipTests package -pl demo/services -am
  JARS=(demo/services/target/demo-services-0.1.0-SNAPSHOT.jar)
fi
PID=""
trap '[ -z "$PID" ] || kill "$PID" 2>/dev/null || true' EXIT
if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then echo "port $PORT is in use" >&2; exit 1; fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_BIN" -version 2>&1 | head -1); JVM options: $JVM_OPTIONS;"
echo "wrk -t2 -c$CONNECTIONS -d$DURATION per call after a $WARMUP warm-up on all of them."
echo
echo "| jar | call | req/s | p50 ms | non-2xx | CPU ms/call |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "${JARS[@]}"; do
    # shellcheck disable=SC2086
    "$JAVA_BIN" $JVM_OPTIONS -jar "$jar" --server.port="$PORT" --management.server.port=0 > /dev/null 2>&1 &
    PID=$!
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/catalog/products/p-001" && break; sleep 1; done
    # Every call at once, a few connections each: a backlog of hundreds of queued requests would still be
    # draining when the first measured run starts.
    warmers=()
    for call in "${CALLS[@]}"; do
      wrk -t1 -c4 -d"$WARMUP" "http://127.0.0.1:$PORT$call" > /dev/null &
      warmers+=($!)
    done
    wait "${warmers[@]}"
    for call in "${CALLS[@]}"; do
      before=$(cpu_ticks "$PID")
      out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$call")
      ticks=$(($(cpu_ticks "$PID") - before))
      requests=$(awk '/requests in/ {print $1}' <<< "$out")
      echo "| $(basename "$jar") (round $round) | \`$call\` | $(awk '/Requests\/sec/ {print $2}' <<< "$out") |" \
        "$(to_ms "$(awk '$1=="50%" {print $2}' <<< "$out")") | $(awk '/Non-2xx/ {print $NF; f=1} END {if (!f) print 0}' <<< "$out") |" \
        "$(awk -v t="$ticks" -v r="$requests" -v hz="$TICKS" 'BEGIN{printf "%.3f", t*1000/hz/r}') |"
    done
    kill "$PID"
    wait "$PID" 2> /dev/null || true
    PID=""
  done
done
