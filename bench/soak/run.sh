#!/usr/bin/env bash
# Soak and chaos run through the edge: the launched stack (edge, three BFFs, demo services, auth server) on a
# Redis that persists (append-only file), a signed-in mix of web screens and order commands at 80 % of the
# capacity this script measures first, while a dependency flaps and Redis is restarted. Prints and writes
# bench/results/soak-<date>.md: every answer complete, a documented partial, or a problem; 0 connection
# errors or timeouts; orders placed = 201s; heap after a full GC at the end within 10 % of the start; no
# application restarted; sessions survive the Redis restart; while Redis is down, fast problem answers.
#
# Usage: bench/soak/run.sh              SOAK_SECONDS=600 CAPACITY_SECONDS=30 CONNECTIONS=32 SKIP_BUILD=1
# Needs: a JDK 17+, redis-server, wrk, curl, python3, jcmd; the default ports of the stack free (8080-8083,
# 8090, 9000, 9080-9083, 9090, 10000).
set -euo pipefail
# How long wrk waits for an answer before counting a timeout (unanswered): longer than the longest the edge takes
# to answer anything, its admission queue's wait (edge.admission.max-queue-wait, 10 s) plus a route's response
# timeout (5 s for the web and mobile routes): a request the edge answers at 11 s is answered, not lost.
CLIENT_TIMEOUT="${CLIENT_TIMEOUT:-20s}"

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
CAPACITY_SECONDS="${CAPACITY_SECONDS:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
REDIS_PORT="${REDIS_PORT:-16379}"
EDGE="http://localhost:8080"
SERVICES_MANAGEMENT="http://127.0.0.1:9090"
STAMP="$(date -u +%Y-%m-%d-%H%M)"
JVM_OPTIONS_USED="${BFF_JVM_OPTIONS:-the fast-start defaults of the launcher}"
RESULTS="$ROOT/bench/results/soak-$STAMP.md"
WORK="$(mktemp -d)"
PIDS=()
FAILURES=()

stop_started_processes() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap stop_started_processes EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
check() { # description condition-exit-status
	if [ "$2" -eq 0 ]; then log "ok: $1"; else log "FAILED: $1"; FAILURES+=("$1"); fi
}
for port in 8080 8081 8082 8083 8090 9000 "$REDIS_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "port $port is in use: stop what listens there first" >&2
		exit 1
	fi
done
for tool in redis-server redis-cli wrk curl python3 jcmd jstat; do
	command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y redis-server wrk curl python3)" >&2; exit 1; }
done

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
	log "Building the applications"
	./mvnw -B -ntp -q -DskipTests package
fi

start_redis() {
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec \
		--dir "$WORK/redis" --daemonize no >"$WORK/redis.log" 2>&1 &
	REDIS_PID=$!
	PIDS+=("$REDIS_PID")
	for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
	echo "Redis did not start" >&2
	exit 1
}
mkdir -p "$WORK/redis"
start_redis

log "Starting the stack (launcher) on Redis port $REDIS_PORT"
# All the load comes from one client address and one session: the edge's per-client limit (100/s for web) would
# answer most of it 429. This run measures the stack behind the limiter, so the limit is raised for it (the
# launcher's children inherit the environment; Boot binds it to edge.rate-limit.policies.web.limit).
export EDGE_RATELIMIT_POLICIES_WEB_LIMIT=1000000
# The same for the mobile and partner routes and the partner's daily and per-second quota; and the mobile app's
# access token outlives the run (5 minutes in the demo; one wrk run cannot fetch a new one).
export SPRING_APPLICATION_JSON='{"edge":{"rate-limit":{"policies":{"mobile":{"limit":1000000000},"partner":{"limit":1000000000}}}},"partner":{"quota":{"plans":{"standard":{"per-second":1000000000,"per-day":1000000000},"premium":{"per-second":1000000000,"per-day":1000000000}}}},"spring":{"security":{"oauth2":{"authorizationserver":{"client":{"mobile-app":{"token":{"access-token-time-to-live":"30m"}}}}}}}}'
java -jar demo/launcher/target/demo-launcher.jar --redis="redis://127.0.0.1:$REDIS_PORT" --quiet >"$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
PIDS+=("$LAUNCHER_PID")
for _ in $(seq 1 240); do
	if curl -fs -o /dev/null "$EDGE/readyz" && curl -fs -o /dev/null http://localhost:8081/readyz; then break; fi
	kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$WORK/launcher.log" >&2; exit 1; }
	sleep 1
done
sleep 5
app_pids() { pgrep -P "$LAUNCHER_PID" | sort | tr '\n' ' '; }
START_PIDS="$(app_pids)"
log "Applications: $START_PIDS"

COOKIE=""
for attempt in 1 2 3; do
	# A cold stack may answer the first login slowly (the edge's 504 after its route timeout): try again.
	COOKIE="$(python3 "$ROOT/bench/common/login.py" "$EDGE" alice alice-password)" && break
	log "login attempt $attempt failed"
	sleep 5
done
[ -n "$COOKIE" ] || { echo "could not sign in" >&2; exit 1; }
export COOKIE
log "Signed in as alice"
TOKEN="$(AUTH=http://localhost:9000 "$ROOT/bench/mobile/app-token.sh")"
export TOKEN
export API_KEY=demo-acme-2f8c1e9a7b4d6053
log "Mobile app token and partner key ready"
signed_in_user() { curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H 'X-CSRF: 1' "$EDGE/bff/user"; }
[ "$(signed_in_user)" = 200 ] || { echo "the session does not work" >&2; exit 1; }

orders_of_alice() { curl -fs "http://localhost:8090/orders?customerId=c-001&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalCount"])'; }
used_heap_after_gc() { # pid -> used heap in KB after a full GC (survivors + eden + old, whatever the collector)
	jcmd "$1" GC.run >/dev/null
	jstat -gc "$1" | awk 'NR==1 {for (i = 1; i <= NF; i++) col[$i] = i} NR==2 {printf "%d\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]}'
}
run_wrk() { # seconds delay-ms [connections] [mix] -> RESULT line
	MIX="${4:-all}" RATE_DELAY_MS="$2" wrk -t2 -c"${3:-$CONNECTIONS}" -d"$1"s --timeout "$CLIENT_TIMEOUT" -s "$HERE/mix.lua" "$EDGE" |
		grep '^RESULT'
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

log "Warm-up and capacity: ${CAPACITY_SECONDS}s as fast as possible, twice"
run_wrk "$CAPACITY_SECONDS" 0 >/dev/null
CAPACITY_LINE="$(run_wrk "$CAPACITY_SECONDS" 0)"
CAPACITY="$(field "$CAPACITY_LINE" rps)"
log "Capacity: $CAPACITY req/s ($CAPACITY_LINE)"
# Each connection waits `delay` before each request: 80 % of capacity over all connections.
DELAY_MS="$(python3 -c "c=$CONNECTIONS; r=float('$CAPACITY'); print(max(1, int(c / (0.8 * r) * 1000)))")"

# Healthy bursts: every dependency healthy, 200 and then 500 connections at once on the product page.
BURST_200="$(run_wrk 15 0 200 product-page)"
log "Burst c=200: $BURST_200"
BURST_500="$(run_wrk 15 0 500 product-page)"
log "Burst c=500: $BURST_500"
for burst in "$BURST_200" "$BURST_500"; do
	check "healthy burst: 0 errors, 0 partials, 0 problems ($(echo "$burst" | grep -o 'requests=[0-9]*'))" \
		"$([ "$(field "$burst" partial)$(field "$burst" problem)$(field "$burst" other)$(field "$burst" connect_errors)$(field "$burst" read_errors)$(field "$burst" timeouts)" = 000000 ] && echo 0 || echo 1)"
done

declare -A HEAP_START
for pid in $START_PIDS; do HEAP_START[$pid]="$(used_heap_after_gc "$pid")"; done
ORDERS_BEFORE="$(orders_of_alice)"

log "Soak: ${SOAK_SECONDS}s at ~80 % (delay ${DELAY_MS} ms per request per connection)"
run_wrk "$SOAK_SECONDS" "$DELAY_MS" >"$WORK/soak.out" &
WRK_PID=$!
PIDS+=("$WRK_PID")

# The chaos timeline, relative to the start of the soak.
sleep $((SOAK_SECONDS * 20 / 100))
log "Fault: inventory answers 500 to half of its calls"
curl -fs -X POST -H 'Content-Type: application/json' -d '{"errorRate":0.5,"errorStatus":500}' \
	"$SERVICES_MANAGEMENT/actuator/faults/inventory" >/dev/null
sleep $((SOAK_SECONDS * 10 / 100))
log "Fault: inventory hangs a fifth of its calls"
curl -fs -X POST -H 'Content-Type: application/json' -d '{"hangRate":0.2}' \
	"$SERVICES_MANAGEMENT/actuator/faults/inventory" >/dev/null
sleep $((SOAK_SECONDS * 10 / 100))
log "Fault: inventory healthy again"
curl -fs -X POST -H 'Content-Type: application/json' -d '{}' "$SERVICES_MANAGEMENT/actuator/faults/inventory" >/dev/null
sleep $((SOAK_SECONDS * 10 / 100))

log "Redis stopped (SIGTERM: the append-only file is flushed)"
kill "$REDIS_PID"
wait "$REDIS_PID" 2>/dev/null || true
DOWN_STATUS="$(curl -s -m 10 -o "$WORK/down.json" -w '%{http_code} %{time_total} %{content_type}' -H "Cookie: $COOKIE" -H 'X-CSRF: 1' "$EDGE/bff/user" || echo "000 10 none")"
log "While Redis is down, a signed-in request: $DOWN_STATUS $(head -c 200 "$WORK/down.json" 2>/dev/null)"
sleep 10
start_redis
RESTARTED_AT="$(date +%s.%N)"
log "Redis restarted"
for _ in $(seq 1 100); do [ "$(signed_in_user)" = 200 ] && break; sleep 0.1; done
RECOVERY="$(python3 -c "import time; print(round(time.time() - $RESTARTED_AT, 2))")"
log "The session answered again after ${RECOVERY}s"

wait "$WRK_PID" || true
SOAK_LINE="$(cat "$WORK/soak.out")"
log "Soak: $SOAK_LINE"
ORDERS_AFTER="$(orders_of_alice)"
END_PIDS="$(app_pids)"

check "no connection errors, no timeouts (0 unanswered)" \
	"$([ "$(field "$SOAK_LINE" connect_errors)$(field "$SOAK_LINE" read_errors)$(field "$SOAK_LINE" write_errors)$(field "$SOAK_LINE" timeouts)" = 0000 ] && echo 0 || echo 1)"
check "every answer complete, partial or problem+json (other = 0)" "$([ "$(field "$SOAK_LINE" other)" = 0 ] && echo 0 || echo 1)"
check "no signed-in request answered 401 (no session lost)" "$([ "$(field "$SOAK_LINE" unauthorized)" = 0 ] && echo 0 || echo 1)"
PLACED=$((ORDERS_AFTER - ORDERS_BEFORE))
check "orders placed ($PLACED) = 201 answers ($(field "$SOAK_LINE" created))" "$([ "$PLACED" = "$(field "$SOAK_LINE" created)" ] && echo 0 || echo 1)"
check "no application restarted" "$([ "$START_PIDS" = "$END_PIDS" ] && echo 0 || echo 1)"
check "while Redis was down: a problem+json within 2 s" \
	"$(echo "$DOWN_STATUS" | python3 -c 'import sys; s,t,c=sys.stdin.read().split()[:3]; print(0 if s.startswith(("5","4")) and s!="401" and float(t)<2 and "problem" in c else 1)')"
check "the session survived the Redis restart (answered ${RECOVERY}s after it)" "$([ "$(signed_in_user)" = 200 ] && echo 0 || echo 1)"
HEAP_ROWS=""
for pid in $END_PIDS; do
	name="$(tr '\0' ' ' </proc/"$pid"/cmdline | grep -o '[a-z-]*-0\.1\.0-SNAPSHOT\.jar' | sed 's/-0.1.0-SNAPSHOT.jar//')"
	end_kb="$(used_heap_after_gc "$pid")"
	start_kb="${HEAP_START[$pid]:-0}"
	ratio="$(python3 -c "print(round($end_kb / max(1, $start_kb), 2))")"
	HEAP_ROWS+="| $name | $((start_kb / 1024)) MiB | $((end_kb / 1024)) MiB | $ratio |"$'\n'
	# A small absolute margin: a heap of a few MiB moves by more than 10 % with class metadata alone.
	check "$name heap after full GC within 10 % (or 8 MiB) of the start ($start_kb KB -> $end_kb KB)" \
		"$(python3 -c "print(0 if $end_kb <= max($start_kb * 1.10, $start_kb + 8192) else 1)")"
done

VERDICT="PASSED"
[ ${#FAILURES[@]} -eq 0 ] || VERDICT="FAILED: ${FAILURES[*]}"
mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<MD
# Soak and chaos run, $STAMP UTC

Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(java -version 2>&1 | head -1).
Stack as launched by demo/launcher (JVM options: $JVM_OPTIONS_USED), Redis $(redis-server --version | grep -o 'v=[0-9.]*') with
append-only file. Load: wrk, $CONNECTIONS connections, mix = 35 % product page, 25 % dashboard, 10 % /bff/user,
10 % POST /api/orders (web-bff, signed in as alice through the real OIDC flow), 10 % mobile home, 5 % mobile product
card (mobile-bff, the app's access token from the same auth server), 5 % partner product (partner-bff, API key).
Script: bench/soak/run.sh.

**Verdict: $VERDICT**

| phase | result |
|---|---|
| capacity (${CAPACITY_SECONDS}s, as fast as possible) | $CAPACITY_LINE |
| soak (${SOAK_SECONDS}s at ~80 %, delay ${DELAY_MS} ms) | $SOAK_LINE |
| healthy burst, product page, 200 connections, 15 s | $BURST_200 |
| healthy burst, product page, 500 connections, 15 s | $BURST_500 |
| orders placed / 201 answers | $PLACED / $(field "$SOAK_LINE" created) |
| signed-in request while Redis was down | $DOWN_STATUS |
| session answered again after Redis restart | ${RECOVERY}s |
| application processes start / end | $START_PIDS / $END_PIDS |

Timeline: 20 % inventory errors at 50 %, 30 % inventory hangs at 20 %, 40 % healthy, 50 % Redis stopped for 10 s.

| application | heap used after full GC, start | end | ratio |
|---|---|---|---|
$HEAP_ROWS
MD
log "Written $RESULTS"
log "Verdict: $VERDICT"
[ ${#FAILURES[@]} -eq 0 ]
