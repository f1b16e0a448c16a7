#!/usr/bin/env bash
# Builds, never runs, every benchmark, so that none can rot unnoticed (CI calls this from .ci/run):
# every bench script parses (bash -n, python3 byte-compiles, the single-file Java programs compile, the wrk Lua
# scripts load when wrk is installed), and the benchmarks' Maven projects (bench/fanout, bench/edge/bare-scg)
# compile against the modules of this checkout (the root pom's `benchmarks` profile puts them in the reactor,
# so nothing has to be installed first). Takes well under a minute once the project has been built.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "bench: bash -n"
while IFS= read -r script; do
	bash -n "$script"
done < <(find bench -name '*.sh' -not -path '*/target/*')

echo "bench: python3 byte-compiles"
while IFS= read -r script; do
	python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$script"
done < <(find bench -name '*.py' -not -path '*/target/*')

echo "bench: single-file Java programs compile"
while IFS= read -r program; do
	javac -d "$WORK/classes" "$program"
done < <(find bench -name '*.java' -not -path '*/src/*' -not -path '*/target/*')

if command -v wrk >/dev/null; then
	echo "bench: wrk loads the Lua scripts"
	while IFS= read -r script; do
		# Nothing listens on port 9 (discard) here: wrk loads the script, fails to connect and stops after 1 s.
		# A script error is printed as "...lua: ..." (wrk exits 0 either way).
		if wrk -t1 -c1 -d1s -s "$script" http://127.0.0.1:9/ 2>&1 | grep -E "\.lua:[0-9]+:|PANIC" >&2; then
			echo "$script does not load" >&2
			exit 1
		fi
	done < <(find bench -name '*.lua' -not -path '*/target/*')
fi

echo "bench: the benchmarks' Maven projects compile"
./mvnw -B -ntp -q -Pbenchmarks -DskipTests compile -pl bench/fanout,bench/edge/bare-scg -am
echo "bench: every benchmark builds"
