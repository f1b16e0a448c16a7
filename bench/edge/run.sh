#!/usr/bin/env bash
# Edge gateway overhead benchmark: one fixed fast upstream (nginx serving a small JSON), measured
# with wrk directly, behind nginx as a plain reverse proxy, and behind the edge gateway, in one run
# with the same wrk settings. Writes bench/results/edge-<date>.md.
# Usage: bench/edge/run.sh   (from the repository root; needs wrk, nginx, a JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-20s}
# The JVM needs ~45-60 s of load on 2 cores before C2 has compiled the request path (a 5 s warm-up measured
# mostly the interpreter: see bench/results/edge-cost-breakdown-*.md).
WARMUP=${WARMUP:-45s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
UPSTREAM_PORT=18090
NGINX_PROXY_PORT=18091
EDGE_PORT=18092
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

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
mkdir -p "$WORK/tmp"
/usr/sbin/nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
PIDS+=($NGINX_PID)

JAR=edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar
./mvnw -B -ntp -q -pl edge-gateway package -DskipTests
java -Xmx512m -jar "$JAR" --server.port=$EDGE_PORT --management.server.port=0 \
  --edge.upstreams.web-bff=http://127.0.0.1:$UPSTREAM_PORT \
  --edge.rate-limit.policies.web.limit=100000000 \
  --logging.level.root=warn > "$WORK/edge.log" 2>&1 &
EDGE_PID=$!
PIDS+=($EDGE_PID)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$EDGE_PORT/item" >/dev/null && break; sleep 1; done
for url in "http://127.0.0.1:$UPSTREAM_PORT/item" "http://127.0.0.1:$NGINX_PROXY_PORT/item" "http://127.0.0.1:$EDGE_PORT/item"; do
  curl -sf "$url" >/dev/null || { echo "no 200 from $url" >&2; cat "$WORK/edge.log" >&2; exit 1; }
done

# CPU time (utime+stime, clock ticks) of the given processes; nginx is its master plus worker.
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
run() { # name url pid...
  local name=$1 url=$2 before; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null   # warm-up (JIT, pools)
  before=$(cpu_ticks "$@")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" > "$WORK/$name.txt"
  echo $(($(cpu_ticks "$@") - before)) > "$WORK/$name.cpu"
}
NGINX_PIDS="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
run direct "http://127.0.0.1:$UPSTREAM_PORT/item" $NGINX_PIDS
run nginx "http://127.0.0.1:$NGINX_PROXY_PORT/item" $NGINX_PIDS
run edge "http://127.0.0.1:$EDGE_PORT/item" $EDGE_PID

rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
cpu_ms() { awk -v t="$(cat "$WORK/$1.cpu")" -v r="$(awk '/requests in/ {print $1}' "$WORK/$1.txt")" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.3f", t*1000/hz/r}'; }
pct() { awk -v p="$2%" '$1==p {print $2}' "$WORK/$1.txt"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
DATE=$(date -u +%Y-%m-%d)
OUT="$ROOT/bench/results/edge-$DATE.md"
{
  echo "# Edge gateway benchmark, $DATE"
  echo
  echo "Run: \`bench/edge/run.sh\` at $(date -u +%Y-%m-%dT%H:%MZ); wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up each),"
  echo "all on one machine, everything on loopback. Upstream: nginx serving a 38-byte JSON."
  echo "The gateway runs with its default filters (rate limit in memory, circuit breaker, JWT check off for this path, header hygiene, trace start)."
  echo
  echo "Machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)."
  echo "Other engineers' builds share these cores, so absolute numbers are noisy; the three runs are back to back."
  echo
  echo "CPU ms/request: CPU time of the process under test (nginx: master + worker, both servers; edge: its JVM) during"
  echo "the measured run divided by the requests served; unlike req/s it does not depend on how wrk shares the cores."
  echo
  echo "| Path | Requests/s | p50 | p99 | added p50 vs direct | added p99 vs direct | CPU ms/request |"
  echo "|---|---|---|---|---|---|---|"
  D50=$(to_ms "$(pct direct 50)"); D99=$(to_ms "$(pct direct 99)")
  for name in direct nginx edge; do
    P50=$(to_ms "$(pct $name 50)"); P99=$(to_ms "$(pct $name 99)")
    echo "| $name | $(rps $name) | ${P50} ms | ${P99} ms | $(awk -v a="$P50" -v b="$D50" 'BEGIN{printf "%.3f ms", a-b}') | $(awk -v a="$P99" -v b="$D99" 'BEGIN{printf "%.3f ms", a-b}') | $(cpu_ms $name) |"
  done
  echo
  RATIO=$(awk -v e="$(rps edge)" -v n="$(rps nginx)" 'BEGIN{printf "%.2f", e/n}')
  ADDED=$(awk -v a="$(to_ms "$(pct edge 50)")" -v b="$D50" 'BEGIN{printf "%.3f", a-b}')
  echo "Edge throughput / nginx throughput: **$RATIO** (target >= 0.6). Edge added p50: **$ADDED ms** (target <= 1 ms)."
  echo
  echo "Raw wrk output:"
  for name in direct nginx edge; do echo; echo "## $name"; echo '```'; cat "$WORK/$name.txt"; echo '```'; done
} > "$OUT"
cat "$OUT" | head -20
