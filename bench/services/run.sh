#!/usr/bin/env bash
# CPU per call of the demo services (the whole-stack benchmark's downstreams), called directly by wrk: for each
# jar given (default: the one built from this checkout), each call the BFFs make at c=$CONNECTIONS after a
# warm-up: req/s, p50, and the JVM's CPU ms per call (utime+stime from /proc/<pid>/stat ÷ calls). Several jars in
# one run compare builds under the same load (all run at once; each call is measured on one jar after the other):
#   bench/services/run.sh old-demo-services.jar demo/services/target/demo-services-0.1.0-SNAPSHOT.jar
# Settings: WARMUP=30s DURATION=10s CONNECTIONS=50 JVM_OPTIONS=(the images', as bench/stack/run.sh) ROUNDS=1
# (ROUNDS=2 measures everything twice), CALLS_ONLY (space-separated paths), PORT=18490 (the first jar; the next ones above it). Prints a markdown table.
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
# CALLS_ONLY="/orders?customerId=c-001&limit=5 /customers/c-001" measures only those
[ -z "${CALLS_ONLY:-}" ] || read -r -a CALLS <<< "$CALLS_ONLY"
JARS=("$@")
if [ ${#JARS[@]} -eq 0 ]; then
  [ -f demo/services/target/demo-services-0.1.0-SNAPSHOT.jar ] ||
    ./mvnw -B -ntp -q -DskipTests package -pl demo/services -am
  JARS=(demo/services/target/demo-services-0.1.0-SNAPSHOT.jar)
fi
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done' EXIT
for i in "${!JARS[@]}"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$((PORT + i))") 2> /dev/null; then echo "port $((PORT + i)) is in use" >&2; exit 1; fi
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }

# Every jar runs at once, each on its own port, and each call is measured on one jar right after the other:
# whatever else loads the machine meanwhile weighs on all of them alike.
for i in "${!JARS[@]}"; do
  # shellcheck disable=SC2086
  "$JAVA_BIN" $JVM_OPTIONS -jar "${JARS[$i]}" --server.port="$((PORT + i))" --management.server.port=0 > /dev/null 2>&1 &
  PIDS+=($!)
done
for i in "${!JARS[@]}"; do
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$((PORT + i))/catalog/products/p-001" && break; sleep 1; done
done
# Every call of every jar at once, a few connections each (a backlog of hundreds of queued requests would
# still be draining when the first measured run starts), then each jar alone at the measured concurrency.
warmers=()
for i in "${!JARS[@]}"; do
  for call in "${CALLS[@]}"; do
    wrk -t1 -c2 -d"$WARMUP" "http://127.0.0.1:$((PORT + i))$call" > /dev/null &
    warmers+=($!)
  done
done
wait "${warmers[@]}"

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_BIN" -version 2>&1 | head -1); JVM options: $JVM_OPTIONS;"
echo "every jar running at once; wrk -t2 -c$CONNECTIONS -d$DURATION per call and jar, one after the other, after a $WARMUP warm-up."
echo
echo "| call | round | jar | req/s | p50 ms | non-2xx | CPU ms/call |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for call in "${CALLS[@]}"; do
    for i in "${!JARS[@]}"; do
      pid=${PIDS[$i]}
      before=$(cpu_ticks "$pid")
      out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$((PORT + i))$call")
      ticks=$(($(cpu_ticks "$pid") - before))
      requests=$(awk '/requests in/ {print $1}' <<< "$out")
      echo "| \`$call\` | $round | $(basename "${JARS[$i]}") | $(awk '/Requests\/sec/ {print $2}' <<< "$out") |" \
        "$(to_ms "$(awk '$1=="50%" {print $2}' <<< "$out")") | $(awk '/Non-2xx/ {print $NF; f=1} END {if (!f) print 0}' <<< "$out") |" \
        "$(awk -v t="$ticks" -v r="$requests" -v hz="$TICKS" 'BEGIN{ if (r > 0) printf "%.3f", t*1000/hz/r; else print "-" }') |"
    done
  done
done
