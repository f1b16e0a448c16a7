# Shared by bench/fanout/run.sh and bench/burst/run.sh (sourced, not run): builds the starter
# and the fan-out bench app, starts the stub downstreams, writes the results' machine section, and stops what it
# started on exit.
# The caller sets LOGS (a directory) first; build_bench_app sets CLASSPATH.

FANOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FANOUT/../.." && pwd)"
PIDS=()

stop_started_processes() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
}
trap stop_started_processes EXIT

wait_for() {
	local url="$1"
	for _ in $(seq 1 120); do
		if curl -fs -o /dev/null "$url"; then
			return 0
		fi
		sleep 0.5
	done
	echo "Timed out waiting for $url" >&2
	exit 1
}

# The results' "## Machine" heading and its first items (CPUs, memory, Java); the caller adds its own.
machine_section() {
	echo "## Machine"
	echo
	echo "- CPUs: $(nproc) ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'))"
	echo "- Memory: $(free -g | awk '/Mem:/ { print $2 " GiB total, " $7 " GiB available" }')"
	echo "- Java: $(java -version 2>&1 | head -1)"
}

# The starter with the reactor modules it needs (so that a fresh clone works), and the bench app.
build_bench_app() {
	echo "Building the starter and the benchmark app"
	cd "$ROOT"
	./mvnw -B -ntp -q -pl shared-bff-starter -am install -DskipTests
	./mvnw -B -ntp -q -f bench/fanout/pom.xml package -DskipTests \
		dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	CLASSPATH="$FANOUT/target/classes:$(cat "$FANOUT/target/classpath.txt")"
	mkdir -p "$LOGS"
}

# start_stubs PORT:DELAY_MS...: the stub downstreams, in one JVM.
start_stubs() {
	echo "Starting stubs $*"
	java -Xmx256m -cp "$CLASSPATH" dev.bfftemplate.bench.fanout.DelayedStubs "$@" >"$LOGS/stubs.log" 2>&1 &
	PIDS+=($!)
	local stub
	for stub in "$@"; do
		wait_for "http://127.0.0.1:${stub%%:*}/item"
	done
}
