# Shared by bench/edge/run.sh and bench/edge/cost-breakdown.sh (sourced, not run):
# the nginx upstream and reverse proxy, starting a gateway jar, one wrk measurement with the
# CPU time of the processes under test, and reading wrk's output.
# Expects WORK (a temp dir) and PIDS (an array) from the caller, which kills PIDS on exit.

UPSTREAM_PORT=${UPSTREAM_PORT:-18090}
NGINX_PROXY_PORT=${NGINX_PROXY_PORT:-18091}
GW_PORT=${GW_PORT:-18092}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
# The JVM needs ~45-60 s of load on 2 cores before C2 has compiled the request path (a 5 s warm-up measured
# mostly the interpreter: see bench/results/edge-cost-breakdown-2026-11-24.md).
WARMUP=${WARMUP:-45s}
DURATION=${DURATION:-20s}
TICKS=$(getconf CLK_TCK)

# require_free_ports <port...>: stops the run when something already listens there (it would be measured instead).
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "port $port is in use: stop what listens there (ss -ltnp) or set another port" >&2
      exit 1
    fi
  done
}

# nginx with one worker: the upstream (a fixed 38-byte JSON) and a plain keep-alive reverse proxy to it.
start_nginx() {
  require_free_ports "$UPSTREAM_PORT" "$NGINX_PROXY_PORT" "$GW_PORT"
  mkdir -p "$WORK/tmp"
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
  PIDS+=("$NGINX_PID")
  wait_for_200 "http://127.0.0.1:$NGINX_PROXY_PORT/item" 10 || { echo "nginx did not start" >&2; cat "$WORK/error.log" >&2; exit 1; }
}

# The nginx master and its worker (CPU is counted for both: the upstream and the proxy server).
nginx_pids() { echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"; }

wait_for_200() { # url seconds
  local _
  for _ in $(seq 1 "$2"); do curl -sf "$1" > /dev/null && return 0; sleep 1; done
  return 1
}

# start_gateway <log> <jar> <jvm flags> <args...>: starts a gateway on GW_PORT, sets GW_PID; fails if no 200.
start_gateway() {
  local log=$1 jar=$2 jvm=$3; shift 3
  # shellcheck disable=SC2086
  java -Xmx512m $jvm -jar "$jar" --server.port="$GW_PORT" "$@" > "$log" 2>&1 &
  GW_PID=$!
  PIDS+=("$GW_PID")
  wait_for_200 "http://127.0.0.1:$GW_PORT/item" 120
}

stop_gateway() { kill "$GW_PID" 2> /dev/null || true; wait "$GW_PID" 2> /dev/null || true; }

# Sum of utime+stime of the given processes, in clock ticks.
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo $total
}

# measure <out-name> <url> <warm-up> <connections> <duration> <pid...>: an optional warm-up at CONNECTIONS, then a
# measured wrk run; writes $OUT_DIR/<out-name>.txt (wrk --latency) and .cpu (ticks of the pids during the run).
measure() {
  local name=$1 url=$2 warmup=$3 connections=$4 duration=$5 threads=$THREADS before; shift 5
  [ "$warmup" != 0 ] && wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" "$url" > /dev/null
  [ "$connections" -lt "$threads" ] && threads=$connections
  before=$(cpu_ticks "$@")
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" > "$OUT_DIR/$name.txt"
  echo $(($(cpu_ticks "$@") - before)) > "$OUT_DIR/$name.cpu"
}

rps() { awk '/Requests\/sec/ {print $2}' "$OUT_DIR/$1.txt"; }
reqs() { awk '/requests in/ {print $1}' "$OUT_DIR/$1.txt"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$OUT_DIR/$1.txt"; }
# pct <name> <50|75|90|99>: that latency percentile in ms
pct() { to_ms "$(awk -v p="$2%" '$1==p {print $2}' "$OUT_DIR/$1.txt")"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
cpu_ms() { awk -v t="$(cat "$OUT_DIR/$1.cpu")" -v r="$(reqs "$1")" -v hz="$TICKS" 'BEGIN{printf "%.3f", t*1000/hz/r}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a-b}'; }
machine() {
  echo "$(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(/usr/sbin/nginx -v 2>&1 | cut -d' ' -f3)"
}
