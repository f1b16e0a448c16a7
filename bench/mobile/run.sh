#!/usr/bin/env bash
# mobile-bff under load, through the edge, with a real token of the demo auth server:
# /mobile/v1/home and /mobile/v1/products/{id} next to the slowest of their dependencies called
# directly (the floor), at concurrency 1, 50 and 200: p50, p99, requests/s, and mobile-bff's
# CPU per request (utime+stime from /proc/<pid>/stat over requests done). Also the payload
# sizes of /mobile/v1/home against web-bff's /api/dashboard for the same user.
#
# Needs the stack running on its default ports, e.g.
#   java -jar demo/launcher/target/demo-launcher.jar --only=demo-services,demo-auth-server,web-bff,mobile-bff,edge-gateway --quiet
# then: bench/mobile/run.sh   (writes bench/results/mobile-<date>-<time>.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
EDGE=${EDGE:-http://localhost:8080}
# where /mobile/v1 is called: the edge by default, or mobile-bff directly (http://localhost:8082)
MOBILE=${MOBILE:-$EDGE}
AUTH=${AUTH:-http://localhost:9000}
SERVICES=${SERVICES:-http://localhost:8090}
MOBILE_PORT=${MOBILE_PORT:-8082}
PRODUCT=${PRODUCT:-p-001}
CUSTOMER=${CUSTOMER:-c-001}
WARMUP=${WARMUP:-45s}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
TICKS=$(getconf CLK_TCK)
OUT_DIR=$(mktemp -d)
trap 'rm -rf "$OUT_DIR"' EXIT
RESULT=bench/results/mobile-$(date -u +%Y-%m-%d-%H%M).md

MOBILE_PID=$(ss -ltnpH "sport = :$MOBILE_PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[ -n "$MOBILE_PID" ] || { echo "nothing listens on $MOBILE_PORT: start the stack first" >&2; exit 1; }

token() { AUTH=$AUTH bench/mobile/app-token.sh; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure <name> <url> <connections> [token]: one wrk run; <name>.txt is wrk's output, <name>.cpu mobile-bff's ticks
measure() {
  local name=$1 url=$2 connections=$3 token=${4:-} threads=$THREADS before
  [ "$connections" -lt "$threads" ] && threads=$connections
  before=$(cpu_ticks "$MOBILE_PID")
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -H "Authorization: Bearer $token" \
    -H "X-App-Version: 2.3.1" -H "Accept-Encoding: gzip" "$url" > "$OUT_DIR/$name.txt"
  echo $(($(cpu_ticks "$MOBILE_PID") - before)) > "$OUT_DIR/$name.cpu"
}
reqs() { awk '/requests in/ {print $1}' "$OUT_DIR/$1.txt"; }
rps() { awk '/Requests\/sec/ {print $2}' "$OUT_DIR/$1.txt"; }
bad() { awk '/Non-2xx/ {print $NF; f=1} END {if (!f) print 0}' "$OUT_DIR/$1.txt"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
pct() { to_ms "$(awk -v p="$2%" '$1==p {print $2}' "$OUT_DIR/$1.txt")"; }
cpu_ms() { awk -v t="$(cat "$OUT_DIR/$1.cpu")" -v r="$(reqs "$1")" -v hz="$TICKS" 'BEGIN{printf "%.3f", t*1000/hz/r}'; }

# The slowest dependency of a screen, by p50 of a short run at concurrency 1.
slowest() {
  local best="" best_p50=0 url p50
  for url in "$@"; do
    wrk -t1 -c1 -d5s --latency "$url" > "$OUT_DIR/probe.txt"
    p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT_DIR/probe.txt")")
    if awk -v a="$p50" -v b="$best_p50" 'BEGIN{exit !(a>b)}'; then best=$url; best_p50=$p50; fi
  done
  echo "$best"
}

HOME_DEPS=("$SERVICES/customers/$CUSTOMER" "$SERVICES/orders?customerId=$CUSTOMER&limit=5"
  "$SERVICES/recommendations/customers/$CUSTOMER" "$SERVICES/catalog/products/$PRODUCT" "$SERVICES/pricing/prices/$PRODUCT")
PRODUCT_DEPS=("$SERVICES/catalog/products/$PRODUCT" "$SERVICES/pricing/prices/$PRODUCT"
  "$SERVICES/inventory/stock/$PRODUCT" "$SERVICES/reviews/products/$PRODUCT")
HOME_FLOOR=$(slowest "${HOME_DEPS[@]}")
PRODUCT_FLOOR=$(slowest "${PRODUCT_DEPS[@]}")

{
  echo "# mobile-bff benchmark $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}'), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); wrk $DURATION per row after a $WARMUP warm-up, $THREADS threads."
  echo "Through $MOBILE with a real access token of the demo auth server (bench/mobile/app-token.sh), \`Accept-Encoding: gzip\`; the floor is the slowest dependency of the screen called directly. CPU is mobile-bff's own (utime+stime) per request."
  echo
  echo "| target | c | p50 ms | p99 ms | req/s | non-2xx | mobile-bff CPU ms/req |"
  echo "|---|---|---|---|---|---|---|"
} > "$RESULT"

for screen in home product; do
  if [ $screen = home ]; then url="$MOBILE/mobile/v1/home"; floor=$HOME_FLOOR; else url="$MOBILE/mobile/v1/products/$PRODUCT"; floor=$PRODUCT_FLOOR; fi
  tok=$(token)   # access tokens live 5 minutes: one per screen
  wrk -t"$THREADS" -c50 -d"$WARMUP" -H "Authorization: Bearer $tok" -H "X-App-Version: 2.3.1" "$url" > /dev/null
  for c in 1 50 200; do
    tok=$(token)
    measure "$screen-$c" "$url" $c "$tok"
    measure "$screen-floor-$c" "$floor" $c
    echo "| \`${url#"$MOBILE"}\` | $c | $(pct "$screen-$c" 50) | $(pct "$screen-$c" 99) | $(rps "$screen-$c") | $(bad "$screen-$c") | $(cpu_ms "$screen-$c") |" >> "$RESULT"
    echo "| floor \`${floor#"$SERVICES"}\` | $c | $(pct "$screen-floor-$c" 50) | $(pct "$screen-floor-$c" 99) | $(rps "$screen-floor-$c") | $(bad "$screen-floor-$c") | - |" >> "$RESULT"
  done
done

echo >> "$RESULT"
bench/mobile/payload-sizes.sh >> "$RESULT"
cat "$RESULT"
