#!/usr/bin/env bash
# Runs compose.yaml end to end on this machine and checks, through the edge, what a team relies on:
#
#   1. the stack starts: every container healthy (Redis, demo services and auth server, two web-bff
#      replicas, mobile-bff, partner-bff, the edge)
#   2. a real OIDC login (bench/common/login.py: edge -> web-bff -> auth server and back) ends in a
#      session cookie, and that session gets a product page and the dashboard
#   3. the session is served by each web-bff replica: with one replica stopped, then the other
#   4. Redis restarted: the old session is gone (401, not a 5xx), a new login works and the product
#      page answers again, and no application container was restarted to get there
#   5. everything is torn down (also on failure)
#
#   deploy/compose-smoke.sh                  # builds the images with Jib first
#   SKIP_BUILD=1 deploy/compose-smoke.sh     # uses the images already in the daemon
#
# Air-gapped: JIB_FROM=docker://bff-template/jre:17-bookworm REDIS_IMAGE=bff-template/redis:7-bookworm
# (deploy/base-images/build-base-images.sh builds both). COMPOSE overrides the compose command
# (default: `docker compose` when the plugin exists, else docker-compose 1.29). EDGE_PORT and
# AUTH_SERVER_PORT choose the host ports. Not part of ./mvnw verify: it needs a Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Host ports: 8080 and 9000 unless taken (another stack on this machine), then 18080 and 19000. The
# check is made once, minutes before compose publishes them: on a machine shared with other stacks
# set EDGE_PORT and AUTH_SERVER_PORT to ports nothing else picks.
free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
export EDGE_PORT=${EDGE_PORT:-$(free 8080 && echo 8080 || echo 18080)}
export AUTH_SERVER_PORT=${AUTH_SERVER_PORT:-$(free 9000 && echo 9000 || echo 19000)}
EDGE=http://localhost:$EDGE_PORT
# The issuer is http://demo-auth-server:9000: the login connects to it on the published port.
export LOGIN_RESOLVE=demo-auth-server:9000=127.0.0.1:$AUTH_SERVER_PORT
export REDIS_IMAGE=${REDIS_IMAGE:-redis:7.4-alpine}
if [[ -z ${COMPOSE:-} ]]; then
	if docker compose version >/dev/null 2>&1; then COMPOSE="docker compose"; else COMPOSE=docker-compose; fi
fi
PROJECT=bff-template
started=$(date +%s)

log() { printf '[%4ss] %s\n' "$(($(date +%s) - started))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }
compose() { $COMPOSE -p "$PROJECT" "$@"; }

teardown() {
	local status=$?
	if ((status != 0)); then
		log "logs of the last 40 lines per service:"
		compose logs --no-color --tail 40 2>&1 | tail -n 200 || true
	fi
	log "tearing down"
	compose down -v --remove-orphans >/dev/null 2>&1 || true
	log "done (exit $status) in $(($(date +%s) - started)) s"
}

containers() { docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"; }

# Waits until every container of the project reports healthy.
wait_healthy() {
	local deadline=$(($(date +%s) + $1)) states
	while :; do
		states=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" \
			| xargs -r docker inspect -f '{{.Name}} {{.State.Health.Status}}')
		if [[ -n $states ]] && ! grep -qv ' healthy$' <<<"$states"; then return 0; fi
		(($(date +%s) < deadline)) || fail "not healthy after $1 s: $(grep -v ' healthy$' <<<"$states" | tr '\n' ' ')"
		sleep 2
	done
}

# HTTP status of a GET through the edge with the session cookie.
status() { curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H 'X-CSRF: 1' -H 'Accept: application/json' "$EDGE$1" || true; }

# Waits (up to $2 s) for a GET to answer 200; prints how long it took.
expect_200() {
	local path=$1 limit=$2 begin code
	begin=$(date +%s)
	while :; do
		code=$(status "$path")
		[[ $code == 200 ]] && { echo $(($(date +%s) - begin)); return 0; }
		(($(date +%s) - begin < limit)) || fail "GET $path answered $code for $limit s"
		sleep 1
	done
}

login() { python3 bench/common/login.py "$EDGE" alice alice-password; }

restarts() {
	docker ps -q --filter "label=com.docker.compose.project=$PROJECT" | xargs -r docker inspect \
		-f '{{index .Config.Labels "com.docker.compose.service"}} {{.State.StartedAt}} {{.RestartCount}}' | sort
}

log "compose: $($COMPOSE version --short 2>/dev/null || $COMPOSE version | head -n 1); engine: $(docker version -f '{{.Server.Version}}')"
if [[ -z ${SKIP_BUILD:-} ]]; then
	log "building the application images with Jib (${JIB_FROM:-default base})"
	./mvnw -q -DskipTests package jib:dockerBuild ${JIB_FROM:+-Djib.from.image=$JIB_FROM}
	log "images built"
fi
compose config -q || fail "compose config rejects compose.yaml"

# Leftovers of an interrupted run would be reused half-started.
compose down -v --remove-orphans >/dev/null 2>&1 || true
trap teardown EXIT
log "starting the stack"
up_log=$(mktemp)
compose up -d --remove-orphans >"$up_log" 2>&1 || { cat "$up_log"; fail "compose up"; }
wait_healthy 1200
log "PASS all $(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" | wc -l) containers healthy"
[[ $(containers web-bff | wc -l) == 2 ]] || fail "expected two web-bff replicas"
log "PASS published ports: $(docker ps --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Ports}}' | grep -o '0.0.0.0:[0-9]*' | sort -u | tr '\n' ' ')"

COOKIE=$(login) || fail "login"
log "PASS OIDC login through the edge: session cookie ${COOKIE%%=*}"
expect_200 /api/product-page/p-001 30 >/dev/null
log "PASS product page p-001 with that session"
expect_200 /api/dashboard 30 >/dev/null
log "PASS dashboard with that session"

read -r -a replicas <<<"$(containers web-bff | tr '\n' ' ')"
for ((i = 0; i < 2; i++)); do
	stopped=${replicas[i]} serving=${replicas[1 - i]}
	docker stop "$stopped" >/dev/null
	took=$(expect_200 /api/dashboard 60)
	log "PASS replica $(docker inspect -f '{{.Name}}' "$stopped") stopped: dashboard served by $(docker inspect -f '{{.Name}}' "$serving") with the same session (after ${took} s)"
	docker start "$stopped" >/dev/null
	wait_healthy 900
done
log "PASS both replicas healthy again"

before=$(restarts | grep -v '^redis ')
docker restart "$(containers redis)" >/dev/null
begin=$(date +%s)
# While the applications reconnect the answer may be a 503 problem; then the session is simply unknown.
until old=$(status /api/dashboard) && [[ $old != 5* && $old != 000 ]]; do
	(($(date +%s) - begin < 60)) || fail "the old session still answered $old 60 s after the Redis restart"
	sleep 1
done
[[ $old == 401 ]] || fail "old session after the Redis restart answered $old, expected 401 (sessions live only in Redis)"
log "PASS Redis restarted: the old session answers 401 (sessions are not persisted)"
begin=$(date +%s)
until COOKIE=$(login 2>/dev/null); do
	(($(date +%s) - begin < 60)) || fail "no login within 60 s of the Redis restart"
	sleep 1
done
expect_200 /api/product-page/p-001 30 >/dev/null
expect_200 /api/dashboard 30 >/dev/null
log "PASS new login, product page and dashboard $(($(date +%s) - begin)) s after the Redis restart"
after=$(restarts | grep -v '^redis ')
[[ $before == "$after" ]] || fail "an application container was restarted: $before / $after"
wait_healthy 60
log "PASS no application container restarted; all healthy"
log "ALL CHECKS PASSED"
