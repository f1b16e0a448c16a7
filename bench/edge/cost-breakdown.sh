#!/usr/bin/env bash
# Edge gateway cost breakdown: runs the edge jar (as built) with features switched off by command-line
# properties / JVM flags only, plus a bare Spring Cloud Gateway (same Boot/SCG versions, one route, nothing else)
# as the framework floor, each behind the same wrk load against one nginx upstream. Reports req/s, p50, p99 and
# the gateway JVM's CPU milliseconds per request (from /proc/<pid>/stat deltas over the measured run), which is
# robust against wrk and nginx sharing the cores.
# Usage: bench/edge/cost-breakdown.sh [variant-name ...]   (from the repository root; needs wrk, nginx, a JDK)
#   EDGE_JAR  the edge jar to test (default: a copy of edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar)
#   WARMUP, DURATION, THREADS, CONNECTIONS  wrk settings (same for every variant)
# Output: a markdown table on stdout and the raw wrk output per variant in $OUT_DIR (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$(mktemp -d)
OUT_DIR=${OUT_DIR:-$WORK/out}
mkdir -p "$OUT_DIR"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK/tmp"; }
trap cleanup EXIT
DURATION=${DURATION:-15s}
. bench/edge/common.sh

EDGE_JAR=${EDGE_JAR:-}
if [ -z "$EDGE_JAR" ]; then
  [ -f edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -ntp -q -pl edge-gateway -am package -DskipTests
  # A private copy, so a concurrent build of edge-gateway cannot swap the jar mid-run.
  cp edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar "$WORK/edge.jar"
  EDGE_JAR=$WORK/edge.jar
fi
BARE_JAR=${BARE_JAR:-$WORK/bare/target/bare-scg-1.jar}
if [ ! -f "$BARE_JAR" ]; then
  cp -r bench/edge/bare-scg "$WORK/bare"
  ./mvnw -B -ntp -q -f "$WORK/bare/pom.xml" package -DskipTests
fi

start_nginx

# The edge's bench settings: upstream = nginx, rate limit out of the way, actuator on a random port.
EDGE_BASE=(--management.server.port=0 --edge.upstreams.web-bff=http://127.0.0.1:$UPSTREAM_PORT
  --edge.rate-limit.policies.web.limit=100000000)
# One web route, replacing the whole route list (lists from a higher property source replace, not merge).
route_with() { # filters...
  local args=(--spring.cloud.gateway.server.webflux.routes[0].id=web-bff
    --spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$UPSTREAM_PORT
    --spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**
    --spring.cloud.gateway.server.webflux.routes[0].metadata.response-timeout=5000)
  local i=0 f
  for f in "$@"; do args+=(--spring.cloud.gateway.server.webflux.routes[0].filters[$i]=$f); i=$((i + 1)); done
  echo "${args[@]}"
}
NO_OBS=(--management.observations.enable.all=false --spring.cloud.gateway.server.webflux.observability.enabled=false)
TUNED_JVM=(-XX:+UseParallelGC)

# name | jar | jvm flags | app args
declare -a VARIANTS=(
  "edge-shipped|$EDGE_JAR||"
  "edge-log-warn|$EDGE_JAR||--logging.level.root=warn"
  "edge-no-observations|$EDGE_JAR||${NO_OBS[*]}"
  "edge-no-server-observation|$EDGE_JAR||--management.observations.enable.http.server.requests=false"
  "edge-no-gateway-observation|$EDGE_JAR||--spring.cloud.gateway.server.webflux.observability.enabled=false"
  "edge-no-circuitbreaker|$EDGE_JAR||$(route_with RateLimit=web Admission=web-bff)"
  "edge-no-ratelimit|$EDGE_JAR||$(route_with Admission=web-bff CircuitBreaker=web-bff)"
  "edge-no-route-filters|$EDGE_JAR||$(route_with)"
  "edge-route-filter-cache|$EDGE_JAR||--spring.cloud.gateway.server.webflux.route-filter-cache-enabled=true"
  "edge-fixed-pool|$EDGE_JAR||--spring.cloud.gateway.server.webflux.httpclient.pool.type=fixed --spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=64"
  "edge-nio|$EDGE_JAR|-Dreactor.netty.native=false|"
  "edge-io-workers-2|$EDGE_JAR|-Dreactor.netty.ioWorkerCount=2|"
  "edge-parallel-gc|$EDGE_JAR|${TUNED_JVM[*]}|"
  "edge-all-off|$EDGE_JAR|${TUNED_JVM[*]}|${NO_OBS[*]} $(route_with) --logging.level.root=warn"
  "bare-scg|$BARE_JAR||--upstream=http://127.0.0.1:$UPSTREAM_PORT"
  "bare-scg-no-observations|$BARE_JAR||--upstream=http://127.0.0.1:$UPSTREAM_PORT ${NO_OBS[*]}"
)
SELECTED=("$@")
selected() { [ ${#SELECTED[@]} -eq 0 ] && return 0; local s; for s in "${SELECTED[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

NAMES=()
if selected direct; then measure direct "http://127.0.0.1:$UPSTREAM_PORT/item" "$WARMUP" "$CONNECTIONS" "$DURATION" $(nginx_pids); NAMES+=(direct); fi
if selected nginx; then measure nginx "http://127.0.0.1:$NGINX_PROXY_PORT/item" "$WARMUP" "$CONNECTIONS" "$DURATION" $(nginx_pids); NAMES+=(nginx); fi
for v in "${VARIANTS[@]}"; do
  IFS='|' read -r name jar jvm args <<< "$v"
  selected "$name" || continue
  # shellcheck disable=SC2086
  if ! start_gateway "$OUT_DIR/$name.log" "$jar" "$jvm" ${EDGE_BASE[*]} $args; then
    echo "$name: no 200 from the gateway, skipped (see $OUT_DIR/$name.log)" >&2; stop_gateway; continue
  fi
  measure "$name" "http://127.0.0.1:$GW_PORT/item" "$WARMUP" "$CONNECTIONS" "$DURATION" "$GW_PID"
  stop_gateway
  NAMES+=("$name")
done

NGINX_RPS=$( [ -f "$OUT_DIR/nginx.txt" ] && rps nginx || echo "")
echo "| Variant | Requests/s | p50 | p99 | CPU ms/request (process under test) | Requests/s ÷ nginx |"
echo "|---|---|---|---|---|---|"
for name in "${NAMES[@]}"; do
  r=$( [ -n "$NGINX_RPS" ] && ratio "$(rps "$name")" "$NGINX_RPS" || echo "-")
  echo "| $name | $(rps "$name") | $(pct "$name" 50) ms | $(pct "$name" 99) ms | $(cpu_ms "$name") | $r |"
done
echo
echo "Raw wrk output and gateway logs: $OUT_DIR"
