#!/usr/bin/env bash
# Edge gateway overhead benchmark. One fixed fast upstream (nginx serving a 38-byte JSON), measured in one run
# with the same wrk settings: called directly, behind nginx as a plain reverse proxy, behind a bare Spring Cloud
# Gateway (bench/edge/bare-scg: one route, nothing else: the framework's floor) and behind the edge.
# Two loads per path:
#   - saturating: wrk -c$CONNECTIONS after a warm-up: throughput, and CPU ms/request of the process under test;
#   - one connection (wrk -c1): latency without queueing, so "added p50" is what the proxy adds to a request
#     rather than the wait in a saturated box's queues (at 32 connections p50 ~ 32 / throughput, Little's law).
# Writes bench/results/edge-<date>-<time>.md.
# Usage: bench/edge/run.sh   (from the repository root; needs wrk, nginx, redis-server, a JDK)
#   EDGE_JAVA_OPTS  JVM flags for the edge (and the bare gateway), e.g. -XX:+UseParallelGC
#   WARMUP, DURATION, LATENCY_DURATION, THREADS, CONNECTIONS
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$(mktemp -d)
OUT_DIR=$WORK/out
mkdir -p "$OUT_DIR"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
. bench/edge/common.sh
LATENCY_DURATION=${LATENCY_DURATION:-10s}
EDGE_JAVA_OPTS=${EDGE_JAVA_OPTS:-}

# -am: from a fresh clone the modules edge-gateway needs (test-support, for its tests' compile) are built too.
./mvnw -B -ntp -q -pl edge-gateway -am package -DskipTests
# private copies, so a concurrent build cannot swap a jar mid-run
cp edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar "$WORK/edge.jar"
cp -r bench/edge/bare-scg "$WORK/bare"
./mvnw -B -ntp -q -f "$WORK/bare/pom.xml" package -DskipTests
start_nginx

# both_loads <name> <url> <warm-up> <pid...>
both_loads() {
  local name=$1 url=$2 warmup=$3; shift 3
  measure "$name" "$url" "$warmup" "$CONNECTIONS" "$DURATION" "$@"
  measure "$name-c1" "$url" 0 1 "$LATENCY_DURATION" "$@"
}
both_loads direct "http://127.0.0.1:$UPSTREAM_PORT/item" 5s $(nginx_pids)
both_loads nginx "http://127.0.0.1:$NGINX_PROXY_PORT/item" 5s $(nginx_pids)
start_gateway "$WORK/bare.log" "$WORK/bare/target/bare-scg-1.jar" "$EDGE_JAVA_OPTS" \
  --upstream="http://127.0.0.1:$UPSTREAM_PORT" || { cat "$WORK/bare.log" >&2; exit 1; }
both_loads bare-scg "http://127.0.0.1:$GW_PORT/item" "$WARMUP" "$GW_PID"
stop_gateway
# The edge as shipped, pointed at the upstream, with the web rate limit out of the way (in memory: no Redis).
start_gateway "$WORK/edge.log" "$WORK/edge.jar" "$EDGE_JAVA_OPTS" --management.server.port=0 \
  --edge.upstreams.web-bff="http://127.0.0.1:$UPSTREAM_PORT" --edge.rate-limit.policies.web.limit=100000000 \
  --logging.level.root=warn || { cat "$WORK/edge.log" >&2; exit 1; }
curl -sf -D - -o /dev/null "http://127.0.0.1:$GW_PORT/item" > "$OUT_DIR/edge-headers.txt"
both_loads edge "http://127.0.0.1:$GW_PORT/item" "$WARMUP" "$GW_PID"
stop_gateway
# The same edge with its production rate limiter: counted in Redis (one EVALSHA per request), as several edge
# instances would share it.
REDIS_PORT=${REDIS_PORT:-18093}
require_free_ports "$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!
PIDS+=("$REDIS_PID")
for _ in $(seq 1 20); do [ "$(redis-cli -p "$REDIS_PORT" ping 2> /dev/null)" = PONG ] && break; sleep 0.5; done
[ "$(redis-cli -p "$REDIS_PORT" ping 2> /dev/null)" = PONG ] || { echo "redis-server did not start" >&2; cat "$WORK/redis.log" >&2; exit 1; }
start_gateway "$WORK/edge-redis.log" "$WORK/edge.jar" "$EDGE_JAVA_OPTS" --management.server.port=0 \
  --edge.upstreams.web-bff="http://127.0.0.1:$UPSTREAM_PORT" --edge.rate-limit.policies.web.limit=100000000 \
  --spring.data.redis.url="redis://127.0.0.1:$REDIS_PORT" --logging.level.root=warn || { cat "$WORK/edge-redis.log" >&2; exit 1; }
both_loads edge-redis "http://127.0.0.1:$GW_PORT/item" "$WARMUP" "$GW_PID" "$REDIS_PID"
stop_gateway
grep -q "in memory" "$WORK/edge-redis.log" && { echo "edge-redis counted in memory, not in Redis" >&2; exit 1; }
STORE_FAILURES=$(grep -c "Rate limit store failed" "$WORK/edge-redis.log" || true)

NAMES=(direct nginx bare-scg edge edge-redis)
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT="$ROOT/bench/results/edge-$STAMP.md"
{
  echo "# Edge gateway benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Run: \`bench/edge/run.sh\` finished $(date -u +%Y-%m-%dT%H:%MZ) at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(machine). Everything on loopback; wrk, nginx and the gateway share the cores."
  echo "Gateway JVM flags: \`-Xmx512m ${EDGE_JAVA_OPTS:-}\` (otherwise defaults)."
  echo
  echo "Paths: **direct** = the nginx upstream (a fixed 38-byte JSON); **nginx** = nginx as a keep-alive reverse proxy"
  echo "(1 worker); **bare-scg** = Spring Cloud Gateway with one route and nothing else (\`bench/edge/bare-scg\`: the"
  echo "framework's floor); **edge** = edge-gateway as shipped (rate limit counted in memory, circuit breaker, security"
  echo "chain with firewall/CORS/headers, trace and hygiene filters, observations), pointed at the upstream;"
  echo "**edge-redis** = the same with the rate limit counted in a local redis-server (CPU: the edge JVM + Redis)."
  echo
  echo "## Saturating load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (gateways after a $WARMUP warm-up)"
  echo
  echo "CPU ms/request: utime+stime of the process under test during the run (nginx: master + worker, that is both the"
  echo "upstream and the proxy) divided by the requests served; unlike requests/s it hardly depends on what else runs."
  echo
  echo "| Path | Requests/s | ÷ nginx | p50 | p99 | CPU ms/request |"
  echo "|---|---|---|---|---|---|"
  for name in "${NAMES[@]}"; do
    echo "| $name | $(rps $name) | $(ratio "$(rps $name)" "$(rps nginx)") | $(pct $name 50) ms | $(pct $name 99) ms | $(cpu_ms $name) |"
  done
  echo
  echo "## One connection: wrk -t1 -c1 -d$LATENCY_DURATION (no queueing: what each hop adds to one request)"
  echo
  echo "| Path | Requests/s | p50 | p99 | added p50 vs direct | added p99 vs direct |"
  echo "|---|---|---|---|---|---|"
  for name in "${NAMES[@]}"; do
    echo "| $name | $(rps $name-c1) | $(pct $name-c1 50) ms | $(pct $name-c1 99) ms | $(minus "$(pct $name-c1 50)" "$(pct direct-c1 50)") ms | $(minus "$(pct $name-c1 99)" "$(pct direct-c1 99)") ms |"
  done
  echo
  echo "## Against the targets (issue 4: added p50 <= 1 ms, throughput >= 0.6 x nginx)"
  echo
  echo "- Edge added p50: **$(minus "$(pct edge-c1 50)" "$(pct direct-c1 50)") ms** at one connection;"
  echo "  $(minus "$(pct edge 50)" "$(pct direct 50)") ms at $CONNECTIONS connections (queueing on a saturated box)."
  echo "- Edge throughput: **$(ratio "$(rps edge)" "$(rps nginx)") x nginx**; the bare framework: $(ratio "$(rps bare-scg)" "$(rps nginx)") x nginx;"
  echo "  edge ÷ bare SCG: $(ratio "$(rps edge)" "$(rps bare-scg)") (CPU per request: $(ratio "$(cpu_ms edge)" "$(cpu_ms bare-scg)") x the bare gateway's)."
  echo "- With the rate limit counted in Redis: $(ratio "$(rps edge-redis)" "$(rps nginx)") x nginx, added p50 $(minus "$(pct edge-redis-c1 50)" "$(pct direct-c1 50)") ms at one connection."
  echo "- Redis failures the edge-redis run let through unlimited (logged): $STORE_FAILURES."
  for name in "${NAMES[@]}"; do
    e=$(errors $name; errors $name-c1)
    [ -n "$e" ] && echo "- Errors on $name: $e"
  done
  echo
  echo "Response headers of the edge (what each request carries):"
  echo '```'
  cat "$OUT_DIR/edge-headers.txt"
  echo '```'
  echo
  echo "<details><summary>Raw wrk output</summary>"
  for name in "${NAMES[@]}"; do
    for run in "$name" "$name-c1"; do echo; echo "### $run"; echo '```'; cat "$OUT_DIR/$run.txt"; echo '```'; done
  done
  echo "</details>"
} > "$OUT"
sed -n '/## Saturating/,/^Response headers/p' "$OUT"
echo "Written: $OUT"
