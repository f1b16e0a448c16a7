#!/usr/bin/env bash
# Whole-stack benchmark (issue 14): the launched stack (edge, web-bff, mobile-bff, partner-bff, demo services,
# auth server) with the JVM settings of the shipped images, with Redis-backed and with in-memory sessions, driven
# through the edge after a warm-up that runs until throughput is stable:
#   web-bff product page, dashboard, /bff/user and an order command (POST /api/orders, X-CSRF, one
#   Idempotency-Key per request), signed in as alice through the real OIDC flow; mobile-bff home and product
#   card with a bearer token of the demo auth server; partner-bff product with an API key;
# each at concurrency 1, 50 and 200: req/s, p50, p99, non-2xx, socket errors, partial responses (2xx with the
# starter's "warnings" marker) and the CPU ms per request of every process (edge, BFFs, demo services, auth
# server, Redis) from /proc/<pid>/stat. In the same run, the ceiling: one demo service call made directly at
# c=50 and the slowest dependency of the product page at c=1; and the edge's CPU per request against a bare
# Spring Cloud Gateway (bench/edge/bare-scg) proxying the same product page to the same web-bff.
# Ends with each JVM's heap used after a full GC. Writes bench/results/stack-<date>-<time>.md.
#
# Usage (from anywhere in a clone; builds what it needs):
#   bench/stack/run.sh
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/stack/run.sh      the stack, wrk aside, on another JDK
# Settings (environment):
#   SESSIONS=both|redis|memory      which session stores to run (default both, one after the other)
#   DURATION=20s                    each measured wrk run
#   CONCURRENCY="1 50 200"          connections per measured run
#   TARGETS="product-page dashboard user mobile-home mobile-product partner-product order"
#   WARMUP_STEP=10s WARMUP_MIN_STEPS=9 WARMUP_MAX_STEPS=18 WARMUP_TOLERANCE=5
#                                   warm-up: mixed load in steps until two in a row are within the tolerance
#                                   (percent of req/s), at least WARMUP_MIN_STEPS steps (C2 keeps compiling for
#                                   minutes on 2 shared cores: two close steps early on prove nothing), at most
#                                   WARMUP_MAX_STEPS steps
#   PROBE_DURATION=5s               each ceiling probe (direct service calls)
#   BARE_SCG=1                      the bare gateway comparison (0 skips it)
#   STACK_JVM_OPTIONS=...           the JVM options of every application (default: the images', see below)
#   SKIP_BUILD=1                    use the jars already built
#   RESULTS=path                    where the markdown goes (default bench/results/stack-<date>-<time>.md)
#   PORT_OFFSET=0                   added to every port of the stack (the launcher's --port-offset), e.g. 10000
#                                   to run beside a stack on the default ports
# Needs: a JDK 17+, wrk, redis-server, redis-cli, curl, python3, openssl; ports 8080-8083, 8090, 9000, 9080-9083,
# 9090, 10000 (plus PORT_OFFSET), REDIS_PORT (16479) and BARE_SCG_PORT (18380) free. Timing is only meaningful on a quiet machine.
set -euo pipefail
# How long wrk waits for an answer before counting a timeout (unanswered): longer than the longest the edge takes
# to answer anything, its admission queue's wait (edge.admission.max-queue-wait, 10 s) plus a route's response
# timeout (5 s for the web and mobile routes): a request the edge answers at 11 s is answered, not lost.
CLIENT_TIMEOUT="${CLIENT_TIMEOUT:-20s}"

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

SESSIONS="${SESSIONS:-both}"
DURATION="${DURATION:-20s}"
CONCURRENCY="${CONCURRENCY:-1 50 200}"
# The order command last: every order placed is one more in alice's history, which the dashboard and mobile home
# read (demo-services indexes orders per customer, but a longer history still costs more per call).
TARGETS="${TARGETS:-product-page dashboard user mobile-home mobile-product partner-product order}"
WARMUP_STEP="${WARMUP_STEP:-10s}"
WARMUP_MIN_STEPS="${WARMUP_MIN_STEPS:-9}"
WARMUP_MAX_STEPS="${WARMUP_MAX_STEPS:-18}"
WARMUP_TOLERANCE="${WARMUP_TOLERANCE:-5}"
PROBE_DURATION="${PROBE_DURATION:-5s}"
BARE_SCG="${BARE_SCG:-1}"
REDIS_PORT="${REDIS_PORT:-16479}"
BARE_SCG_PORT="${BARE_SCG_PORT:-18380}"
THREADS="${THREADS:-2}"
PRODUCT="${PRODUCT:-p-001}"
CUSTOMER="${CUSTOMER:-c-001}"
export PRODUCT
# The shipped images (Jib, root pom.xml) run `java -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError
# -Djava.io.tmpdir=/tmp` and leave the collector to the JVM's ergonomics. Their pods (deploy/base) are limited to
# 768Mi and 2 CPUs: below 1792 MB the JVM does not count as a server-class machine and picks SerialGC, with a
# maximum heap of 70 % of 768 MiB. MaxRAM and UseSerialGC say the same on a host without those limits; full JIT
# (not the launcher's fast-start -XX:TieredStopAtLevel=1).
STACK_JVM_OPTIONS="${STACK_JVM_OPTIONS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp}"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
JSTAT="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
PORT_OFFSET="${PORT_OFFSET:-0}"
EDGE="http://localhost:$((8080 + PORT_OFFSET))"
WEB_BFF="http://127.0.0.1:$((8081 + PORT_OFFSET))"
SERVICES="http://localhost:$((8090 + PORT_OFFSET))"
AUTH="http://localhost:$((9000 + PORT_OFFSET))"
PARTNER_KEY=demo-acme-2f8c1e9a7b4d6053
TICKS="$(getconf CLK_TCK)"
STAMP="$(date -u +%Y-%m-%d-%H%M)"
RESULTS="${RESULTS:-$ROOT/bench/results/stack-$STAMP.md}"
WORK="$(mktemp -d)"
PIDS=()
PORTS=()

LOGS="$HERE/target/logs"
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	# The applications' logs outlive the run (bench/stack/target/logs/<mode>, not committed; a failed start's here).
	mkdir -p "$LOGS"
	cp -r "$WORK"/root/demo/launcher/target/logs/. "$WORK"/*.log "$LOGS"/ 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

for tool in wrk redis-server redis-cli curl python3 openssl "$JAVA_BIN" "$JCMD" "$JSTAT"; do
	command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
for port in 8080 8081 8082 8083 8090 9000 9080 9081 9082 9083 9090 10000; do
	PORTS+=($((port + PORT_OFFSET)))
done
for port in "${PORTS[@]}" "$REDIS_PORT" "$BARE_SCG_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "port $port is in use: stop what listens there first (ss -ltnp)" >&2
		exit 1
	fi
done
case "$SESSIONS" in
both) MODES=(redis memory) ;;
redis | memory) MODES=("$SESSIONS") ;;
*) echo "SESSIONS must be redis, memory or both" >&2; exit 1 ;;
esac

if [ -z "${SKIP_BUILD:-}" ]; then
	log "Building the applications (and the bare gateway)"
	# -am: a fresh clone has nothing installed; package builds every module the launcher starts.
	./mvnw -B -ntp -q -DskipTests package -pl demo/launcher,demo/services,demo/auth-server,web-bff,mobile-bff,partner-bff,edge-gateway -am
	[ "$BARE_SCG" = 0 ] || ./mvnw -B -ntp -q -DskipTests package -f bench/edge/bare-scg/pom.xml
fi
# Private copies of the jars: a build running meanwhile cannot swap one under a running application.
mkdir -p "$WORK/root/demo/launcher/target"
cp demo/launcher/target/demo-launcher.jar "$WORK/root/demo/launcher/target/"
cp pom.xml "$WORK/root/"
for module in demo/services demo/auth-server web-bff mobile-bff partner-bff edge-gateway; do
	mkdir -p "$WORK/root/$module/target"
	cp "$module"/target/*-0.1.0-SNAPSHOT.jar "$WORK/root/$module/target/"
done
[ "$BARE_SCG" = 0 ] || cp bench/edge/bare-scg/target/bare-scg-1.jar "$WORK/bare-scg.jar"

# Limits that would answer most of a benchmark's load 429 (one client address, one user, one partner key) are
# raised for the run: this measures the request path, not the refusals. Every application reads this JSON.
export SPRING_APPLICATION_JSON='{"edge":{"rate-limit":{"policies":{"web":{"limit":1000000000},"mobile":{"limit":1000000000},"partner":{"limit":1000000000}}}},"partner":{"quota":{"plans":{"standard":{"per-second":1000000000,"per-day":1000000000},"premium":{"per-second":1000000000,"per-day":1000000000}}}}}'
unset BFF_REDIS_URL SPRING_DATA_REDIS_HOST BFF_JVM_OPTIONS

cpu_ticks() { # pid -> utime+stime in clock ticks (0 once gone)
	awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
rps_close() { # a b percent -> exit 0 when within percent of the larger
	python3 -c "import sys; a,b,p=float('$1'),float('$2'),float('$3'); sys.exit(0 if max(a,b)>0 and abs(a-b)/max(a,b)*100<=p else 1)"
}
mobile_token() { AUTH="$AUTH" bench/mobile/app-token.sh; }

# wrk_run <target> <connections> <duration> <url> -> the RESULT line; CPU ticks of every process in $NAMES go to
# $WORK/cpu (name=ticks per line).
wrk_run() {
	local target=$1 connections=$2 duration=$3 url=$4 threads=$THREADS name line
	[ "$connections" -lt "$threads" ] && threads=$connections
	declare -A before
	for name in "${NAMES[@]}"; do before[$name]=$(cpu_ticks "${PID_OF[$name]}"); done
	TARGET=$target wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$CLIENT_TIMEOUT" -s "$HERE/stack.lua" "$url" >"$WORK/wrk.out" 2>&1 || true
	line="$(grep '^RESULT' "$WORK/wrk.out" || true)"
	# The first body of each failing status, kept for the result's notes.
	grep '^SAMPLE' "$WORK/wrk.out" | sed "s|^SAMPLE|$target c=$connections:|" >>"$WORK/samples" || true
	: >"$WORK/cpu"
	for name in "${NAMES[@]}"; do echo "$name=$(($(cpu_ticks "${PID_OF[$name]}") - ${before[$name]}))" >>"$WORK/cpu"; done
	[ -n "$line" ] || line="RESULT requests=0 rps=0 p50_ms=0 p99_ms=0 complete=0 partial=0 non2xx=0 problem=0 other=0 socket_errors=0 statuses=wrk-failed"
	echo "$line"
}
cpu_ms_per_request() { # name requests -> CPU ms per request of that process in the last wrk_run
	local ticks
	ticks="$(grep "^$1=" "$WORK/cpu" | cut -d= -f2)"
	awk -v t="${ticks:-0}" -v r="$2" -v hz="$TICKS" 'BEGIN { if (r > 0) printf "%.3f", t * 1000 / hz / r; else print "-" }'
}
used_heap_after_gc() { # pid -> MiB used after a full GC (survivors + eden + old, whatever the collector)
	"$JCMD" "$1" GC.run >/dev/null
	"$JSTAT" -gc "$1" | awk 'NR==1 {for (i = 1; i <= NF; i++) col[$i] = i} NR==2 {printf "%.0f\n", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024}'
}

start_stack() { # mode
	local mode=$1 redis_arg=()
	if [ "$mode" = redis ]; then
		mkdir -p "$WORK/redis"
		redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK/redis" \
			--daemonize no >"$WORK/redis.log" 2>&1 &
		REDIS_PID=$!
		PIDS+=("$REDIS_PID")
		for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
		redis_arg=(--redis="redis://127.0.0.1:$REDIS_PORT")
	fi
	local attempt
	# Two attempts: on a loaded machine an application can miss a start-up deadline (partner-bff gives up when its
	# Redis handshake takes over 2 s); the launcher then stops the whole stack.
	for attempt in 1 2; do
		log "Starting the stack ($mode sessions) with $STACK_JVM_OPTIONS (attempt $attempt)"
		"$JAVA_BIN" -Xmx128m -jar "$WORK/root/demo/launcher/target/demo-launcher.jar" --root="$WORK/root" --quiet \
			"${redis_arg[@]}" --jvm-options="$STACK_JVM_OPTIONS" --port-offset="$PORT_OFFSET" >"$WORK/launcher-$mode.log" 2>&1 &
		LAUNCHER_PID=$!
		PIDS+=("$LAUNCHER_PID")
		for _ in $(seq 1 400); do
			grep -q "The BFF template stack is up" "$WORK/launcher-$mode.log" && break
			kill -0 "$LAUNCHER_PID" 2>/dev/null || break
			sleep 1
		done
		grep -q "The BFF template stack is up" "$WORK/launcher-$mode.log" && break
		log "the stack did not start: $(grep 'did not start' "$WORK/launcher-$mode.log" || tail -n 1 "$WORK/launcher-$mode.log")"
		stop_stack "$mode-failed-start-$attempt" keep-redis
	done
	if ! grep -q "The BFF template stack is up" "$WORK/launcher-$mode.log"; then
		echo "the stack did not start:" >&2
		cat "$WORK/launcher-$mode.log" >&2
		tail -n 20 "$WORK"/root/demo/launcher/target/logs/*.log >&2 || true
		echo "The applications' logs: $LOGS" >&2
		exit 1
	fi
	declare -gA PID_OF=()
	NAMES=()
	local pid jar
	for pid in $(pgrep -P "$LAUNCHER_PID"); do
		jar="$(tr '\0' ' ' </proc/"$pid"/cmdline | grep -o '[a-z-]*-0\.1\.0-SNAPSHOT\.jar' | sed 's/-0.1.0-SNAPSHOT.jar//')"
		[ -n "$jar" ] && PID_OF[$jar]=$pid
	done
	for name in edge-gateway web-bff mobile-bff partner-bff demo-services demo-auth-server; do
		[ -n "${PID_OF[$name]:-}" ] || { echo "$name did not start (see $WORK/root/demo/launcher/target/logs)" >&2; exit 1; }
		NAMES+=("$name")
	done
	if [ "$mode" = redis ]; then PID_OF[redis]=$REDIS_PID; NAMES+=(redis); fi
}

stop_stack() { # mode [keep-redis]
	kill "$LAUNCHER_PID" 2>/dev/null || true
	wait "$LAUNCHER_PID" 2>/dev/null || true
	mkdir -p "$LOGS/$1"
	cp -r "$WORK"/root/demo/launcher/target/logs/. "$LOGS/$1"/ 2>/dev/null || true
	if [ -z "${2:-}" ] && [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
}

sign_in() {
	local attempt
	COOKIE=""
	for attempt in 1 2 3; do
		# A cold stack may answer the first login slowly (the edge's 504 after its route timeout): try again.
		COOKIE="$(python3 bench/common/login.py "$EDGE" alice alice-password)" && break
		log "login attempt $attempt failed"
		sleep 5
	done
	[ -n "$COOKIE" ] || { echo "could not sign in" >&2; exit 1; }
	export COOKIE
	local status=""
	for attempt in 1 2 3 4 5; do
		# A cold web-bff may still be slower than the edge's route timeout (504): try again.
		status="$(curl -s -m 20 -o "$WORK/user.json" -w '%{http_code}' -H "Cookie: $COOKIE" -H 'X-CSRF: 1' "$EDGE/bff/user" || true)"
		[ "$status" = 200 ] && return 0
		log "signed-in /bff/user answered $status (attempt $attempt)"
		sleep 5
	done
	echo "the session does not work: /bff/user answered $status $(head -c 300 "$WORK/user.json" 2>/dev/null)" >&2
	exit 1
}

# The markdown of one mode; also sets SUMMARY_<mode> lines for the comparison with the targets.
run_mode() {
	local mode=$1 out="$WORK/$mode.md" step previous="" line rps c target name
	start_stack "$mode"
	sign_in
	export API_KEY="$PARTNER_KEY"
	TOKEN="$(mobile_token)"
	export TOKEN
	log "Signed in; warming up with the mixed load, ${WARMUP_STEP} steps"
	local warmup_log=""
	for step in $(seq 1 "$WARMUP_MAX_STEPS"); do
		TOKEN="$(mobile_token)"   # access tokens live 5 minutes
		line="$(wrk_run mix 50 "$WARMUP_STEP" "$EDGE")"
		rps="$(field "$line" rps)"
		warmup_log+="$rps "
		log "warm-up step $step: $rps req/s"
		if [ "$step" -ge "$WARMUP_MIN_STEPS" ] && [ -n "$previous" ] && rps_close "$previous" "$rps" "$WARMUP_TOLERANCE"; then break; fi
		previous=$rps
	done
	local header_cpu="" sep_cpu=""
	for name in "${NAMES[@]}"; do header_cpu+=" $name |"; sep_cpu+="---|"; done
	{
		echo "## Sessions: $mode"
		echo
		echo "Warm-up: mixed load at c=50 in ${WARMUP_STEP} steps, at least $WARMUP_MIN_STEPS, until two in a row were within ${WARMUP_TOLERANCE} %"
		echo "(at most $WARMUP_MAX_STEPS): req/s per step: $warmup_log"
		echo
		echo "Through the edge ($EDGE), wrk -t$THREADS -d$DURATION per row. CPU: ms per request of each process"
		echo "(utime+stime over the run ÷ requests served)."
		echo
		echo "| target | c | req/s | p50 ms | p99 ms | non-2xx | socket errors | partial |$header_cpu"
		echo "|---|---|---|---|---|---|---|---|$sep_cpu"
	} >"$out"
	for target in $TARGETS; do
		for c in $CONCURRENCY; do
			case $target in mobile-*) TOKEN="$(mobile_token)" ;; esac
			line="$(wrk_run "$target" "$c" "$DURATION" "$EDGE")"
			log "$target c=$c: $line"
			echo "$target $c $line" >>"$WORK/$mode.raw"
			local cpus="" requests
			requests="$(field "$line" requests)"
			for name in "${NAMES[@]}"; do cpus+=" $(cpu_ms_per_request "$name" "$requests") |"; done
			echo "| $target | $c | $(field "$line" rps) | $(field "$line" p50_ms) | $(field "$line" p99_ms) | $(field "$line" non2xx) ($(field "$line" statuses)) | $(field "$line" socket_errors) | $(field "$line" partial) |$cpus" >>"$out"
			if [ "$target" = product-page ] && [ "$c" = 50 ]; then
				EDGE_CPU_PRODUCT_50="$(cpu_ms_per_request edge-gateway "$requests")"
				WEB_CPU_PRODUCT_50="$(cpu_ms_per_request web-bff "$requests")"
			fi
		done
	done

	# The ceiling, in the same run: one demo service call made directly (c=50), and the product page's
	# dependencies one by one at c=1, the slowest of which is the floor of the page's latency.
	log "Ceiling: direct service calls"
	local direct slowest_url="" slowest_p50=0 slowest_line="" url p50
	direct="$(wrk_run plain 50 "$DURATION" "$SERVICES/catalog/products/$PRODUCT")"
	local direct_cpu
	direct_cpu="$(cpu_ms_per_request demo-services "$(field "$direct" requests)")"
	for url in "$SERVICES/catalog/products/$PRODUCT" "$SERVICES/pricing/prices/$PRODUCT" \
		"$SERVICES/inventory/stock/$PRODUCT" "$SERVICES/reviews/products/$PRODUCT"; do
		line="$(wrk_run plain 1 "$PROBE_DURATION" "$url")"
		p50="$(field "$line" p50_ms)"
		if python3 -c "import sys; sys.exit(0 if float('$p50') > float('$slowest_p50') else 1)"; then
			slowest_url=$url; slowest_p50=$p50; slowest_line=$line
		fi
	done
	{
		echo
		echo "Ceiling (same run, demo services called directly, no edge, no BFF):"
		echo
		echo "| call | c | req/s | p50 ms | p99 ms | non-2xx | demo-services CPU ms/call |"
		echo "|---|---|---|---|---|---|---|"
		echo "| \`/catalog/products/$PRODUCT\` | 50 | $(field "$direct" rps) | $(field "$direct" p50_ms) | $(field "$direct" p99_ms) | $(field "$direct" non2xx) | $direct_cpu |"
		echo "| slowest product-page dependency \`${slowest_url#"$SERVICES"}\` | 1 | $(field "$slowest_line" rps) | $(field "$slowest_line" p50_ms) | $(field "$slowest_line" p99_ms) | $(field "$slowest_line" non2xx) | |"
	} >>"$out"

	local bare_line="" bare_cpu="-" bare_web_cpu="-" edge_line edge_cpu edge_web_cpu
	if [ "$BARE_SCG" != 0 ]; then
		# The edge's figure for the comparison, measured right before the bare gateway's (whatever CONCURRENCY says).
		edge_line="$(wrk_run product-page 50 "$DURATION" "$EDGE")"
		edge_cpu="$(cpu_ms_per_request edge-gateway "$(field "$edge_line" requests)")"
		edge_web_cpu="$(cpu_ms_per_request web-bff "$(field "$edge_line" requests)")"
		log "Bare Spring Cloud Gateway in front of the same web-bff"
		"$JAVA_BIN" $STACK_JVM_OPTIONS -jar "$WORK/bare-scg.jar" --server.port="$BARE_SCG_PORT" \
			--upstream="$WEB_BFF" >"$WORK/bare-scg-$mode.log" 2>&1 &
		local bare_pid=$!
		PIDS+=("$bare_pid")
		for _ in $(seq 1 120); do
			[ "$(curl -s -m 10 -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "http://127.0.0.1:$BARE_SCG_PORT/bff/user" || true)" = 200 ] && break
			sleep 1
		done
		PID_OF[bare-scg]=$bare_pid
		NAMES+=(bare-scg)
		wrk_run product-page 50 "$WARMUP_STEP" "http://127.0.0.1:$BARE_SCG_PORT" >/dev/null
		wrk_run product-page 50 "$WARMUP_STEP" "http://127.0.0.1:$BARE_SCG_PORT" >/dev/null
		bare_line="$(wrk_run product-page 50 "$DURATION" "http://127.0.0.1:$BARE_SCG_PORT")"
		bare_cpu="$(cpu_ms_per_request bare-scg "$(field "$bare_line" requests)")"
		bare_web_cpu="$(cpu_ms_per_request web-bff "$(field "$bare_line" requests)")"
		unset 'NAMES[-1]'
		kill "$bare_pid" 2>/dev/null || true
		wait "$bare_pid" 2>/dev/null || true
		{
			echo
			echo "Edge against a bare Spring Cloud Gateway (bench/edge/bare-scg: one route, nothing else, same JVM options),"
			echo "both proxying \`/api/product-page/$PRODUCT\` to the same web-bff at c=50:"
			echo
			echo "| gateway | req/s | p50 ms | p99 ms | non-2xx | gateway CPU ms/req | web-bff CPU ms/req |"
			echo "|---|---|---|---|---|---|---|"
			echo "| edge-gateway (all features) | $(field "$edge_line" rps) | $(field "$edge_line" p50_ms) | $(field "$edge_line" p99_ms) | $(field "$edge_line" non2xx) ($(field "$edge_line" statuses)) | $edge_cpu | $edge_web_cpu |"
			echo "| bare SCG | $(field "$bare_line" rps) | $(field "$bare_line" p50_ms) | $(field "$bare_line" p99_ms) | $(field "$bare_line" non2xx) ($(field "$bare_line" statuses)) | $bare_cpu | $bare_web_cpu |"
		} >>"$out"
	fi

	log "Heap used after a full GC"
	{
		echo
		echo "Heap used after a full GC at the end (jcmd GC.run, then jstat S0U+S1U+EU+OU):"
		echo
		echo "| application | heap used after GC |"
		echo "|---|---|"
		for name in web-bff mobile-bff partner-bff edge-gateway demo-services demo-auth-server; do
			echo "| $name | $(used_heap_after_gc "${PID_OF[$name]}") MiB |"
		done
	} >>"$out"

	# The figures the targets of issue 14 are stated in, for this mode.
	local page_c1 page_c50 req200
	page_c1="$(grep '^product-page 1 ' "$WORK/$mode.raw" | cut -d' ' -f3- || true)"
	page_c50="$(grep '^product-page 50 ' "$WORK/$mode.raw" | cut -d' ' -f3- || true)"
	{
		echo
		echo "Against the targets of issue 14 ($mode sessions):"
		echo
		if [ -n "$page_c50" ]; then
			echo "- web-bff CPU per product page at c=50: ${WEB_CPU_PRODUCT_50:--} ms (target ≤ 0.6)."
			echo "- Product page through the edge ÷ one direct service call, req/s at c=50: $(python3 -c "print(round(float('$(field "$page_c50" rps)') / max(1e-9, float('$(field "$direct" rps)')), 3))") (target ≥ 0.25)."
		fi
		if [ -n "$page_c1" ]; then
			echo "- Product page p50 at c=1: $(field "$page_c1" p50_ms) ms; slowest dependency p50: $slowest_p50 ms; difference $(python3 -c "print(round(float('$(field "$page_c1" p50_ms)') - float('$slowest_p50'), 2))") ms (target ≤ 1)."
		fi
		if [ "$BARE_SCG" != 0 ]; then
			echo "- Edge CPU per request ÷ bare SCG's, same request: $(python3 -c "
try: print(round(float('$edge_cpu') / float('$bare_cpu'), 2))
except Exception: print('-')") (target ≤ 1.5)."
		fi
		echo "- c=200 rows, non-2xx/socket errors/partials of requests: $(grep ' 200 RESULT' "$WORK/$mode.raw" | while read -r t _ rest; do echo -n "$t $(field "$rest" non2xx)/$(field "$rest" socket_errors)/$(field "$rest" partial) of $(field "$rest" requests); "; done) (target 0/0/0)."
		echo
	} >>"$out"
	if [ -s "$WORK/samples" ]; then
		{
			echo "What failed (the first body of each non-2xx status per row):"
			echo
			echo '```'
			sort -u "$WORK/samples"
			echo '```'
			echo
		} >>"$out"
	fi
	rm -f "$WORK/samples"
	# Read back what web-bff runs with; a jcmd that cannot attach (another JDK's, say) must not lose the results.
	GC_USED="$({ "$JCMD" "${PID_OF[web-bff]}" VM.flags 2>/dev/null || true; } | { grep -o 'Use[A-Za-z]*GC' || true; } | sort -u | tr '\n' ' ')"
	JVM_ARGS_SEEN="$({ "$JCMD" "${PID_OF[web-bff]}" VM.command_line 2>/dev/null || true; } | sed -n 's/^jvm_args: //p')"
	stop_stack "$mode"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for mode in "${MODES[@]}"; do run_mode "$mode"; done

mkdir -p "$(dirname "$RESULTS")"
{
	echo "# Whole-stack benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
	echo
	echo "Run: \`bench/stack/run.sh\` at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') (SESSIONS=$SESSIONS, DURATION=$DURATION)."
	echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;"
	echo "load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg) (wrk and the whole stack share the cores)."
	echo "JDK: $("$JAVA_BIN" -version 2>&1 | head -1) (${JAVA_HOME:-java on the PATH}); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(redis-server --version | grep -o 'v=[0-9.]*')."
	echo "JVM options of every application: \`$STACK_JVM_OPTIONS\` (as seen by web-bff: \`$JVM_ARGS_SEEN\`);"
	echo "collector: ${GC_USED:-?}(the images leave the collector to ergonomics, which pick SerialGC in their 768Mi pods)."
	echo "Stack: demo/launcher, every application once; the edge's rate limits and partner quotas raised for the run."
	echo "Partial: a 2xx whose body carries \`\"warnings\":[{\` (DESIGN.md, partial responses); requests sent without gzip."
	echo
	for mode in "${MODES[@]}"; do cat "$WORK/$mode.md"; done
} >"$RESULTS"
log "Written $RESULTS"
cat "$RESULTS"
