#!/usr/bin/env bash
# CPU profile of one running JVM of the stack while wrk drives one URL: async-profiler 4.2 (from Maven Central,
# tools.profiler:async-profiler) attached with jcmd in itimer mode (perf events are often restricted), collapsed
# stacks written next to a table of where the CPU went, by feature (categories.py: each sample is charged to the
# innermost frame that belongs to a known feature).
#
# Usage: bench/profile/profile.sh <pid> <url> [seconds=60] [connections=4]
#        COOKIE='__Host-bff-session=...' adds the cookie and X-CSRF: 1 (a signed-in web-bff request; see
#        bench/common/login.py); OUT=dir (default bench/profile/target)
# Needs: a JDK (jcmd), wrk, python3, Linux x86_64. Profile a warmed-up JVM: the table shows the JIT's share.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PID="$1"
URL="$2"
SECONDS_TO_RUN="${3:-60}"
CONNECTIONS="${4:-4}"
OUT="${OUT:-$HERE/target}"
VERSION=4.2
mkdir -p "$OUT"

LIB="$OUT/async-profiler-$VERSION/linux-x64/libasyncProfiler.so"
if [ ! -f "$LIB" ]; then
	(cd "$ROOT" && ./mvnw -B -ntp -q dependency:copy -Dartifact="tools.profiler:async-profiler:$VERSION:jar:linux-x64" \
		-DoutputDirectory="$OUT" -Dmdep.stripVersion=false)
	mkdir -p "$OUT/async-profiler-$VERSION"
	(cd "$OUT/async-profiler-$VERSION" && unzip -o -q "$OUT/async-profiler-$VERSION-linux-x64.jar")
fi

headers=()
if [ -n "${COOKIE:-}" ]; then
	headers=(-H "Cookie: $COOKIE" -H "X-CSRF: 1")
fi
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
STAMP="$(date -u +%Y%m%d-%H%M%S)"
COLLAPSED="$OUT/profile-$PID-$STAMP.collapsed"

# jcmd parses "key=value" words itself: the agent's options go in quotes inside one argument.
jcmd "$PID" "JVMTI.agent_load $LIB \"start,event=itimer,interval=1ms\"" >/dev/null
before="$(ticks "$PID")"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" "${headers[@]}" "$URL" >"$OUT/wrk-$STAMP.txt"
after="$(ticks "$PID")"
jcmd "$PID" "JVMTI.agent_load $LIB \"stop,file=$COLLAPSED,collapsed\"" >/dev/null

requests="$(awk '/requests in/ {print $1}' "$OUT/wrk-$STAMP.txt")"
echo "$URL: $requests requests, $(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$STAMP.txt") req/s," \
	"$(awk '/Non-2xx/ {print $5 " non-2xx,"}' "$OUT/wrk-$STAMP.txt")" \
	"CPU $(python3 -c "print(round(($after - $before) * 10 / $requests, 3))") ms/request (pid $PID)"
python3 "$HERE/categories.py" "$COLLAPSED"
echo "collapsed stacks: $COLLAPSED"
