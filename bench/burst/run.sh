#!/usr/bin/env bash
# Burst benchmark: the fan-out bench app (bench/fanout) on shared-bff-starter, with the
# starter's default concurrency limits, in front of four healthy stubs answering at once.
# Fires bursts of 200 and 500 concurrent requests (every request of a burst sent at once,
# the next burst when all have answered) at /page (one required call, three optional)
# and /fanout (four required calls), and prints the complete answers, the partial ones
# (200 with warnings), the errors (other statuses) and the failures (no answer,
# connection errors). Writes bench/results/burst-<date>-<time>.md.
#
# Usage: bench/burst/run.sh             (BURSTS=20 to change the bursts per row,
#                                        BFF_JAVA_OPTS="-XX:+UseParallelGC" for the BFF's JVM,
#                                        BFF_ARGS="--bff.downstreams.s20.concurrency.algorithm=gradient2"
#                                        to override the starter's settings)
# Needs: a JDK 17+ and curl; run from anywhere in the checkout.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
BURSTS="${BURSTS:-20}"
BFF_PORT="${BENCH_BFF_PORT:-18190}"
# the stub ports of application.yaml
STUB_PORTS=(18191 18192 18193 18194)
BFF_HEAP="-Xms512m -Xmx512m"
LOGS="$HERE/target/logs"
# shellcheck source=../fanout/app.sh
source "$HERE/../fanout/app.sh"
RESULTS="$ROOT/bench/results/burst-$(date -u +%Y-%m-%d-%H%M).md"

build_bench_app
stubs=()
for port in "${STUB_PORTS[@]}"; do
	stubs+=("$port:0")
done
start_stubs "${stubs[@]}"

echo "Starting the BFF on port $BFF_PORT"
# shellcheck disable=SC2086
BENCH_BFF_PORT="$BFF_PORT" java $BFF_HEAP ${BFF_JAVA_OPTS:-} -Xlog:gc:file="$LOGS/gc.log" -cp "$CLASSPATH" \
	dev.bfftemplate.bench.fanout.FanOutBenchApplication --spring.config.location="file:$HERE/application.yaml" \
	${BFF_ARGS:-} >"$LOGS/bff.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$BFF_PORT/page"

burst() {
	java "$HERE/Burst.java" "$@"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "Warming up: $BURSTS bursts of 50 on each endpoint"
burst "http://127.0.0.1:$BFF_PORT/page" 50 "$BURSTS" >/dev/null
burst "http://127.0.0.1:$BFF_PORT/fanout" 50 "$BURSTS" >/dev/null

{
	echo "# Burst benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "The fan-out bench app (bench/fanout) on shared-bff-starter at $(git -C "$ROOT" rev-parse --short HEAD)"
	echo "with the starter's default concurrency limits, in front of four stubs (one JVM, Reactor Netty)"
	echo "answering at once, all on loopback. Each row: $BURSTS bursts, every request of a burst sent at once"
	echo "by Burst.java (JDK HttpClient, HTTP/1.1, 10 s timeout), the next burst when all have answered."
	echo "\`/page\` makes one required and three optional calls, \`/fanout\` four required ones."
	echo "Complete: 200 without warnings; partial: 200 with warnings; errors: any other status;"
	echo "failures: no answer or a connection error."
	echo
	machine_section
	echo "- BFF JVM flags: $BFF_HEAP ${BFF_JAVA_OPTS:-} -Xlog:gc (GC: ${BFF_JAVA_OPTS:-G1, the default})"
	echo "- BFF arguments: ${BFF_ARGS:-none}"
	echo "- Load average before the run: $LOAD_BEFORE (the bursts, the BFF and the stubs share the machine"
	echo "  with whatever else runs on it)"
	echo
	echo "## Results (latency in ms)"
	echo
	echo "| endpoint | concurrency | requests | complete | partial | errors | failures | p50 | p99 | statuses and warnings |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	for concurrency in 200 500; do
		for endpoint in page fanout; do
			echo "| /$endpoint $(burst "http://127.0.0.1:$BFF_PORT/$endpoint" "$concurrency" "$BURSTS")"
		done
	done
	echo
	echo "- Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- BFF garbage collection during the whole run: $(awk '/Pause/ {
		sub(/ms$/, "", $NF); v = $NF + 0; n++; total += v; if (v > max) max = v }
		END { printf "%d pauses, mean %.1f ms, max %.1f ms", n, (n ? total / n : 0), max }' "$LOGS/gc.log")"
	echo "- Downstream calls rejected by the concurrency limits (the BFF's own count):"
	echo "  $(curl -fs "http://127.0.0.1:$BFF_PORT/actuator/prometheus" | awk '/^bff_downstream_rejections_total/ { printf "%s ", $0 }' || true)"
	echo
	echo "Raw logs: bench/burst/target/logs (not committed)."
} | tee "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo "Results written to $RESULTS"
