#!/usr/bin/env bash
# Profiles one application of the launched stack under a signed-in product-page load through the edge
# (issue 14): starts Redis and the stack (demo/launcher, the images' JVM options, full JIT), signs alice in
# through the real OIDC flow, warms up, then reports each application's idle CPU (what it burns with no
# request at all: JIT, timers, pollers) and runs profile.sh on the chosen application.
#
# Usage: bench/profile/stack.sh [app=edge-gateway] [warm-up seconds=240] [profile seconds=60] [connections=50]
#        SKIP_BUILD=1 uses the jars already built. Needs what profile.sh and bench/stack/run.sh need; the
#        stack's default ports and REDIS_PORT (16479) free.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
APP="${1:-edge-gateway}"
WARMUP="${2:-240}"
PROFILE_SECONDS="${3:-60}"
CONNECTIONS="${4:-50}"
REDIS_PORT="${REDIS_PORT:-16479}"
JVM_OPTIONS="${STACK_JVM_OPTIONS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
URL="http://localhost:8080/api/product-page/p-001"
WORK="$(mktemp -d)"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
	log "Building"
	./mvnw -B -ntp -q -DskipTests package -pl demo/launcher,demo/services,demo/auth-server,web-bff,mobile-bff,partner-bff,edge-gateway -am
fi
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
# Rate limits out of the way, as in bench/stack/run.sh.
export SPRING_APPLICATION_JSON='{"edge":{"rate-limit":{"policies":{"web":{"limit":1000000000}}}}}'
java -Xmx128m -jar demo/launcher/target/demo-launcher.jar --root="$ROOT" --quiet --redis="redis://127.0.0.1:$REDIS_PORT" \
	--jvm-options="$JVM_OPTIONS" >"$WORK/launcher.log" 2>&1 &
LAUNCHER=$!
PIDS+=("$LAUNCHER")
for _ in $(seq 1 400); do grep -q "The BFF template stack is up" "$WORK/launcher.log" && break; sleep 1; done
grep -q "The BFF template stack is up" "$WORK/launcher.log" || { cat "$WORK/launcher.log" >&2; exit 1; }
declare -A PID_OF=()
for pid in $(pgrep -P "$LAUNCHER"); do
	jar="$(tr '\0' ' ' </proc/"$pid"/cmdline | grep -o '[a-z-]*-0\.1\.0-SNAPSHOT\.jar' | sed 's/-0.1.0-SNAPSHOT.jar//')"
	[ -n "$jar" ] && PID_OF[$jar]=$pid
done
[ -n "${PID_OF[$APP]:-}" ] || { echo "no application $APP in the stack" >&2; exit 1; }

idle_cpu() { # label: CPU each application used over 20 s without a request, in % of one core
	local -A before=()
	local name
	for name in "${!PID_OF[@]}"; do before[$name]="$(awk '{print $14 + $15}' "/proc/${PID_OF[$name]}/stat")"; done
	sleep 20
	echo "Idle CPU $1 (20 s, % of one core):"
	for name in $(printf '%s\n' "${!PID_OF[@]}" | sort); do
		echo "  $name: $(( ($(awk '{print $14 + $15}' "/proc/${PID_OF[$name]}/stat") - ${before[$name]}) * 100 / (20 * $(getconf CLK_TCK)) )) %"
	done
}

COOKIE="$(python3 bench/common/login.py http://localhost:8080 alice alice-password)"
export COOKIE
idle_cpu "after start"
log "Warming up: ${WARMUP}s at c=$CONNECTIONS"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" -H "X-CSRF: 1" "$URL" | grep -E "Requests/sec|Non-2xx" || true
idle_cpu "after the warm-up"
log "Profiling $APP (pid ${PID_OF[$APP]})"
"$HERE/profile.sh" "${PID_OF[$APP]}" "$URL" "$PROFILE_SECONDS" "$CONNECTIONS"
idle_cpu "after the profile"
