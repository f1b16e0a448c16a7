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
WARMUP=${WARMUP:-45s}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
UPSTREAM_PORT=18090
NGINX_PROXY_PORT=18091
GW_PORT=18092
WORK=$(mktemp -d)
OUT_DIR=${OUT_DIR:-$WORK/out}
mkdir -p "$OUT_DIR" "$WORK/tmp"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK/tmp"; }
trap cleanup EXIT

EDGE_JAR=${EDGE_JAR:-}
if [ -z "$EDGE_JAR" ]; then
  [ -f edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -ntp -q -pl edge-gateway package -DskipTests
  # A private copy, so a concurrent build of edge-gateway cannot swap the jar mid-run.
  cp edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar "$WORK/edge.jar"
  EDGE_JAR=$WORK/edge.jar
fi
BARE_JAR=${BARE_JAR:-$WORK/bare/target/bare-scg-1.jar}
if [ ! -f "$BARE_JAR" ]; then
  cp -r bench/edge/bare-scg "$WORK/bare"
  ./mvnw -B -ntp -q -f "$WORK/bare/pom.xml" package -DskipTests
fi

cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  server { listen 127.0.0.1:$UPSTREAM_PORT; location / { default_type application/json; return 200 '{"id":1,"name":"bench","price":9.99}'; } }
  server { listen 127.0.0.1:$NGINX_PROXY_PORT;
    location / { proxy_pass http://backend/; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
PIDS+=($NGINX_PID)
sleep 1

TICKS=$(getconf CLK_TCK)
# Sum of utime+stime of a process and its children (nginx master + worker), in clock ticks.
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo $total
}
nginx_pids() { echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"; }

# measure <name> <url> <pid...>: warm-up, then a measured wrk run with CPU deltas of the given pids.
measure() {
  local name=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" > /dev/null
  local before after
  before=$(cpu_ticks "$@")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" > "$OUT_DIR/$name.txt"
  after=$(cpu_ticks "$@")
  echo $((after - before)) > "$OUT_DIR/$name.cpu"
}

# The edge's bench settings: upstream = nginx, rate limit out of the way, actuator on a random port.
EDGE_BASE=(--server.port=$GW_PORT --management.server.port=0 --edge.upstreams.web-bff=http://127.0.0.1:$UPSTREAM_PORT
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
  "edge-no-circuitbreaker|$EDGE_JAR||$(route_with RateLimit=web)"
  "edge-no-ratelimit|$EDGE_JAR||$(route_with CircuitBreaker=web-bff)"
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
if selected direct; then measure direct "http://127.0.0.1:$UPSTREAM_PORT/item" $(nginx_pids); NAMES+=(direct); fi
if selected nginx; then measure nginx "http://127.0.0.1:$NGINX_PROXY_PORT/item" $(nginx_pids); NAMES+=(nginx); fi
for v in "${VARIANTS[@]}"; do
  IFS='|' read -r name jar jvm args <<< "$v"
  selected "$name" || continue
  # shellcheck disable=SC2086
  java -Xmx512m $jvm -jar "$jar" ${EDGE_BASE[*]} $args > "$OUT_DIR/$name.log" 2>&1 &
  pid=$!
  PIDS+=($pid)
  ok=
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$GW_PORT/item" > /dev/null && { ok=1; break; }; sleep 1; done
  if [ -z "$ok" ]; then echo "$name: no 200 from the gateway, skipped (see $OUT_DIR/$name.log)" >&2; kill $pid; wait $pid 2>/dev/null || true; continue; fi
  measure "$name" "http://127.0.0.1:$GW_PORT/item" $pid
  kill $pid; wait $pid 2>/dev/null || true
  NAMES+=("$name")
done

rps() { awk '/Requests\/sec/ {print $2}' "$OUT_DIR/$1.txt"; }
reqs() { awk '/requests in/ {print $1}' "$OUT_DIR/$1.txt"; }
pct() { awk -v p="$2%" '$1==p {print $2}' "$OUT_DIR/$1.txt"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
NGINX_RPS=$( [ -f "$OUT_DIR/nginx.txt" ] && rps nginx || echo "")
echo "| Variant | Requests/s | p50 | p99 | CPU ms/request (process under test) | Requests/s ÷ nginx |"
echo "|---|---|---|---|---|---|"
for name in "${NAMES[@]}"; do
  cpu=$(awk -v t="$(cat "$OUT_DIR/$name.cpu")" -v r="$(reqs "$name")" -v hz="$TICKS" 'BEGIN{printf "%.3f", t*1000/hz/r}')
  ratio=$( [ -n "$NGINX_RPS" ] && awk -v a="$(rps "$name")" -v b="$NGINX_RPS" 'BEGIN{printf "%.2f", a/b}' || echo "-")
  echo "| $name | $(rps "$name") | $(to_ms "$(pct "$name" 50)") ms | $(to_ms "$(pct "$name" 99)") ms | $cpu | $ratio |"
done
echo
echo "Raw wrk output and gateway logs: $OUT_DIR"
