#!/usr/bin/env bash
# Edge gateway overhead benchmark: one fixed fast upstream (nginx serving a small JSON), measured
# with wrk directly, behind nginx as a plain reverse proxy, and behind the edge gateway, in one run
# with the same wrk settings. Writes bench/results/edge-<date>.md.
# Usage: bench/edge/run.sh   (from the repository root; needs wrk, nginx, a JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-20s}
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
PIDS+=($!)

JAR=edge-gateway/target/edge-gateway-0.1.0-SNAPSHOT.jar
./mvnw -B -ntp -q -pl edge-gateway package -DskipTests
java -Xmx512m -jar "$JAR" --server.port=$EDGE_PORT --management.server.port=0 \
  --edge.upstreams.web-bff=http://127.0.0.1:$UPSTREAM_PORT \
  --edge.rate-limit.policies.web.limit=100000000 \
  --logging.level.root=warn > "$WORK/edge.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$EDGE_PORT/item" >/dev/null && break; sleep 1; done
for url in "http://127.0.0.1:$UPSTREAM_PORT/item" "http://127.0.0.1:$NGINX_PROXY_PORT/item" "http://127.0.0.1:$EDGE_PORT/item"; do
  curl -sf "$url" >/dev/null || { echo "no 200 from $url" >&2; cat "$WORK/edge.log" >&2; exit 1; }
done

run() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$2" >/dev/null   # warm-up (JIT, pools)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" > "$WORK/$1.txt"
}
run direct "http://127.0.0.1:$UPSTREAM_PORT/item"
run nginx "http://127.0.0.1:$NGINX_PROXY_PORT/item"
run edge "http://127.0.0.1:$EDGE_PORT/item"

rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
pct() { awk -v p="$2%" '$1==p {print $2}' "$WORK/$1.txt"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
DATE=$(date -u +%Y-%m-%d)
OUT="$ROOT/bench/results/edge-$DATE.md"
{
  echo "# Edge gateway benchmark, $DATE"
  echo
  echo "Run: \`bench/edge/run.sh\` at $(date -u +%Y-%m-%dT%H:%MZ); wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a 5 s warm-up each),"
  echo "all on one machine, everything on loopback. Upstream: nginx serving a 38-byte JSON."
  echo "The gateway runs with its default filters (rate limit in memory, circuit breaker, JWT check off for this path, header hygiene, trace start)."
  echo
  echo "Machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)."
  echo "Other engineers' builds share these cores, so absolute numbers are noisy; the three runs are back to back."
  echo
  echo "| Path | Requests/s | p50 | p99 | added p50 vs direct | added p99 vs direct |"
  echo "|---|---|---|---|---|---|"
  D50=$(to_ms "$(pct direct 50)"); D99=$(to_ms "$(pct direct 99)")
  for name in direct nginx edge; do
    P50=$(to_ms "$(pct $name 50)"); P99=$(to_ms "$(pct $name 99)")
    echo "| $name | $(rps $name) | ${P50} ms | ${P99} ms | $(awk -v a="$P50" -v b="$D50" 'BEGIN{printf "%.3f ms", a-b}') | $(awk -v a="$P99" -v b="$D99" 'BEGIN{printf "%.3f ms", a-b}') |"
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
