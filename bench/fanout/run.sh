#!/usr/bin/env bash
# Fan-out benchmark: a tiny BFF on shared-bff-starter in front of four stub downstreams
# answering after 20, 40, 60 and 80 ms, driven by wrk at concurrency 1, 50 and 200.
# Compares /fanout (the starter) with /sequential (the naive peer) and with the slowest
# stub called directly (the limit). Writes bench/results/fanout-<date>.md.
#
# Usage: bench/fanout/run.sh            (DURATION=20 WARMUP=10 to change the seconds,
#                                        BFF_JAVA_OPTS="-XX:+UseParallelGC" for the BFF's JVM)
# Needs: a JDK 17+, wrk (apt-get install wrk), curl; run from anywhere in the checkout.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
BFF_PORT="${BENCH_BFF_PORT:-18080}"
STUB_PORTS=(18081 18082 18083 18084)
STUB_DELAYS=(20 40 60 80)
LOGS="$HERE/target/logs"
# shellcheck source=app.sh
source "$HERE/app.sh"
RESULTS="$ROOT/bench/results/fanout-$(date -u +%Y-%m-%d-%H%M).md"

build_bench_app
stubs=()
for i in "${!STUB_PORTS[@]}"; do
	stubs+=("${STUB_PORTS[$i]}:${STUB_DELAYS[$i]}")
done
start_stubs "${stubs[@]}"

echo "Starting the BFF on port $BFF_PORT"
# BFF_JAVA_OPTS adds JVM options to the BFF only, e.g. BFF_JAVA_OPTS=-XX:+UseParallelGC
# shellcheck disable=SC2086
BENCH_BFF_PORT="$BFF_PORT" java -Xms512m -Xmx512m ${BFF_JAVA_OPTS:-} -Xlog:gc:file="$LOGS/gc.log" -cp "$CLASSPATH" \
	dev.bfftemplate.bench.fanout.FanOutBenchApplication >"$LOGS/bff.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$BFF_PORT/fanout"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "Warming up for ${WARMUP}s per endpoint"
wrk -t2 -c50 -d"${WARMUP}s" "http://127.0.0.1:$BFF_PORT/fanout" >/dev/null
wrk -t2 -c50 -d"${WARMUP}s" "http://127.0.0.1:$BFF_PORT/sequential" >/dev/null

# wrk prints latencies as 81.23ms, 1.02s or 950.00us: print them in ms
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.1f", v * 1000 }
		else { printf "%s", v } }'
}

run_wrk() {
	local name="$1" url="$2" connections="$3" threads=2 out
	if [ "$connections" -lt 2 ]; then
		threads=1
	fi
	out="$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 10s --latency "$url")"
	echo "$out" >"$LOGS/wrk-$name-c$connections.txt"
	local p50 p99 rps errors
	p50="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")"
	p99="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
	rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
	errors="$(echo "$out" | awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }')"
	echo "| $connections | $name | $p50 | $p99 | $rps | ${errors:-none} |"
}

{
	echo "# Fan-out benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "A BFF on shared-bff-starter (one JVM, -Xmx512m${BFF_JAVA_OPTS:+ $BFF_JAVA_OPTS}) in front of four stub downstreams"
	echo "(one JVM, Reactor Netty) answering after ${STUB_DELAYS[*]} ms, all on loopback, driven by"
	echo "wrk for ${DURATION}s per row after a ${WARMUP}s warm-up. \`/fanout\` makes the four calls through"
	echo "the starter (breaker, concurrency limit, retry filter, timeout, metrics, tracing at 10% sampling);"
	echo "\`/sequential\` makes the same calls one after the other (the naive peer); \`limit\` is the"
	echo "slowest stub (80 ms) called directly by wrk."
	echo
	machine_section
	echo "- Load average before the run: $LOAD_BEFORE (wrk, the BFF and the stubs share the machine with"
	echo "  whatever else runs on it; the load average counts runnable processes, 2 means both cores busy)"
	echo
	echo "## Results (latency in ms)"
	echo
	echo "| concurrency | target | p50 | p99 | requests/s | errors |"
	echo "|---|---|---|---|---|---|"
	for connections in 1 50 200; do
		run_wrk "limit" "http://127.0.0.1:${STUB_PORTS[3]}/item" "$connections"
		run_wrk "fanout" "http://127.0.0.1:$BFF_PORT/fanout" "$connections"
		run_wrk "sequential" "http://127.0.0.1:$BFF_PORT/sequential" "$connections"
	done
	echo
	echo "- Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- BFF garbage collection during the whole run (${BFF_JAVA_OPTS:-G1 by default}, 512 MB heap): $(awk '/Pause/ {
		sub(/ms$/, "", $NF); v = $NF + 0; n++; total += v; if (v > max) max = v }
		END { printf "%d pauses, mean %.1f ms, max %.1f ms", n, (n ? total / n : 0), max }' "$LOGS/gc.log")"
	echo
	echo "Raw wrk output and GC log: bench/fanout/target/logs (not committed)."
} | tee "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo "Results written to $RESULTS"
