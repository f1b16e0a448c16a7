#!/usr/bin/env bash
# GET /partner/v1/products/{id} through the edge: edge -> partner-bff (API key, quota in Redis,
# catalog + pricing fan-out) -> demo services. Prints wrk's latency distribution and writes
# bench/results/partner-<date>-<time>.md with the machine and the date.
#
# Builds the jars it runs (SKIP_BUILD=1 uses those already built); needs redis-server, wrk, curl.
# Quotas and the edge's partner limit are raised for the run: this measures the request path, not the refusals.
set -euo pipefail
cd "$(dirname "$0")/../.."

DEMO_PORT=${DEMO_PORT:-18290}
PARTNER_PORT=${PARTNER_PORT:-18283}
EDGE_PORT=${EDGE_PORT:-18280}
REDIS_PORT=${REDIS_PORT:-18279}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-45s}
DURATION=${DURATION:-20s}
KEY=demo-acme-2f8c1e9a7b4d6053
URL="http://127.0.0.1:$EDGE_PORT/partner/v1/products/p-001"
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}

if [ -z "${SKIP_BUILD:-}" ]; then
  # -am: a fresh clone has nothing installed (the starter, test-support)
  ./mvnw -B -ntp -q -DskipTests package -pl demo/services,partner-bff,edge-gateway -am
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for port in "$DEMO_PORT" "$PARTNER_PORT" "$EDGE_PORT" "$REDIS_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

wait_for_200() { # url seconds [header]
  local _
  for _ in $(seq 1 "$2"); do curl -sf ${3:+-H "$3"} "$1" > /dev/null && return 0; sleep 1; done
  return 1
}

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > "$WORK/redis.log" 2>&1 &
PIDS+=($!)
java $JAVA_OPTS -jar demo/services/target/demo-services-0.1.0-SNAPSHOT.jar --server.port="$DEMO_PORT" \
  --management.server.port=0 > "$WORK/demo.log" 2>&1 &
PIDS+=($!)
wait_for_200 "http://127.0.0.1:$DEMO_PORT/catalog/products/p-001" 120 || { echo "demo services did not start" >&2; exit 1; }
java $JAVA_OPTS -jar partner-bff/target/partner-bff-0.1.0-SNAPSHOT.jar --server.port="$PARTNER_PORT" \
  --management.server.port=0 --spring.profiles.active=demo \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT" \
  --partner-bff.demo-services-url="http://127.0.0.1:$DEMO_PORT" \
  --partner.quota.plans.standard.per-second=1000000000 --partner.quota.plans.standard.per-day=1000000000 \
  --logging.level.dev.bfftemplate.partner.audit=warn > "$WORK/partner.log" 2>&1 &
PARTNER_PID=$!
PIDS+=("$PARTNER_PID")
java $JAVA_OPTS -jar edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar --server.port="$EDGE_PORT" \
  --management.server.port=0 --edge.upstreams.partner-bff="http://127.0.0.1:$PARTNER_PORT" \
  --edge.rate-limit.policies.partner.limit=1000000000 > "$WORK/edge.log" 2>&1 &
EDGE_PID=$!
PIDS+=("$EDGE_PID")
wait_for_200 "$URL" 180 "X-API-Key: $KEY" || {
  echo "the stack did not answer:" >&2
  curl -si -H "X-API-Key: $KEY" "$URL" >&2 || true
  curl -si -H "X-API-Key: $KEY" "http://127.0.0.1:$PARTNER_PORT/partner/v1/products/p-001" >&2 || true
  tail -n 30 "$WORK/partner.log" "$WORK/edge.log" >&2
  exit 1
}

echo "warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "X-API-Key: $KEY" "$URL" > /dev/null
echo "measure $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "X-API-Key: $KEY" "$URL" | tee "$WORK/wrk.txt"

STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT=bench/results/partner-$STAMP.md
{
  echo "# GET /partner/v1/products/{id} through the edge, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GB;"
  echo "load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg) (other builds share the cores). Java: $(java -version 2>&1 | head -1)."
  echo
  echo "Path: wrk -> edge-gateway -> partner-bff (API key, Redis quota script, catalog + pricing"
  echo "fan-out) -> demo services, all on this machine, plus redis-server. wrk -t$THREADS -c$CONNECTIONS,"
  echo "warm-up $WARMUP, measured $DURATION. Quotas and the edge's partner limit raised for the run."
  echo
  echo '```'
  cat "$WORK/wrk.txt"
  echo '```'
} > "$OUT"
echo "wrote $OUT"
