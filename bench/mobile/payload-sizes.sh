#!/usr/bin/env bash
# Payload of the mobile home screen against the web dashboard for the same user (alice), in
# bytes, raw and gzipped (gzip -9 of the raw body, so both count the same way; web-bff does not
# compress by itself). Signs in to web-bff through the edge with curl (authorization code flow on
# the demo auth server's login form) and gets a mobile-app token with app-token.sh.
# Needs the stack running (see run.sh); prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
EDGE=${EDGE:-http://localhost:8080}
AUTH=${AUTH:-http://localhost:9000}
# where /mobile/v1 is called: the edge by default, or mobile-bff directly (http://localhost:8082)
MOBILE=${MOBILE:-$EDGE}
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
jar=$WORK/cookies

# web-bff: the browser's login, followed with a cookie jar (curl sends Secure cookies to localhost)
login_page=$(curl -sfL -c "$jar" -b "$jar" "$EDGE/oauth2/authorization/web-bff")
csrf=$(sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' <<<"$login_page" | head -1)
curl -sL -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=alice" --data-urlencode "password=alice-password" \
  --data-urlencode "_csrf=$csrf" "$AUTH/login"
curl -sf -b "$jar" -H "X-CSRF: 1" "$EDGE/api/dashboard" > "$WORK/dashboard.json"

token=$(AUTH=$AUTH bench/mobile/app-token.sh)
curl -sf -H "Authorization: Bearer $token" -H "X-App-Version: 2.3.1" "$MOBILE/mobile/v1/home" > "$WORK/home.json"
curl -sf -H "Authorization: Bearer $token" -H "X-App-Version: 2.3.1" -H "Accept: application/x-protobuf" \
  "$MOBILE/mobile/v1/home" > "$WORK/home.pb"
wire=$(curl -sf -H "Authorization: Bearer $token" -H "X-App-Version: 2.3.1" -H "Accept-Encoding: gzip" \
  -o /dev/null -w '%{size_download}' "$MOBILE/mobile/v1/home")

raw() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
echo "Payload for alice (same data, same moment): \`/mobile/v1/home\` against web-bff's \`/api/dashboard\`."
echo
echo "| screen | raw bytes | gzip -9 bytes |"
echo "|---|---|---|"
echo "| web-bff \`/api/dashboard\` | $(raw "$WORK/dashboard.json") | $(gz "$WORK/dashboard.json") |"
echo "| mobile-bff \`/mobile/v1/home\` | $(raw "$WORK/home.json") | $(gz "$WORK/home.json") |"
echo "| mobile-bff \`/mobile/v1/home\`, \`Accept: application/x-protobuf\` | $(raw "$WORK/home.pb") | $(gz "$WORK/home.pb") |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| ratio mobile JSON / web | $(ratio "$(raw "$WORK/home.json")" "$(raw "$WORK/dashboard.json")") | $(ratio "$(gz "$WORK/home.json")" "$(gz "$WORK/dashboard.json")") |"
echo "| ratio mobile protobuf / web | $(ratio "$(raw "$WORK/home.pb")" "$(raw "$WORK/dashboard.json")") | $(ratio "$(gz "$WORK/home.pb")" "$(gz "$WORK/dashboard.json")") |"
echo
echo "mobile-bff's own gzip on the wire (\`Accept-Encoding: gzip\`, threshold 256 B): $wire bytes."
