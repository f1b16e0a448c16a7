#!/usr/bin/env bash
# Prints an access token of the demo auth server's public mobile-app client, obtained as the
# app does: authorization code + PKCE (S256), with the demo user's password on the login form.
# The redirect URI (http://127.0.0.1:8765/callback) is never listened on: the code is read
# from the Location header. Needs curl and openssl.
#
#   AUTH=http://localhost:9000 USER_NAME=alice PASSWORD=alice-password bench/mobile/app-token.sh
set -euo pipefail
AUTH=${AUTH:-http://localhost:9000}
USER_NAME=${USER_NAME:-alice}
PASSWORD=${PASSWORD:-alice-password}
REDIRECT=http://127.0.0.1:8765/callback

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
verifier=$(head -c 32 /dev/urandom | b64url)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | b64url)
state=$(head -c 12 /dev/urandom | b64url)
authorize="$AUTH/oauth2/authorize?response_type=code&client_id=mobile-app&scope=openid%20profile%20email"
authorize="$authorize&redirect_uri=$REDIRECT&code_challenge=$challenge&code_challenge_method=S256&state=$state"

# 1. the authorization request: the server saves it and sends the browser to its login form
curl -sf -c "$jar" -b "$jar" -o /dev/null "$authorize"
# 2. the login form, with its CSRF token
csrf=$(curl -sf -c "$jar" -b "$jar" "$AUTH/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$USER_NAME" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$AUTH/login"
# 3. signed in: the authorization request now redirects to the app with a code
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize")
code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")
if [ -z "$code" ]; then
	echo "no authorization code (redirected to: $location)" >&2
	exit 1
fi
# 4. the code and the PKCE verifier for tokens (a public client: no secret)
curl -sf --data-urlencode "grant_type=authorization_code" --data-urlencode "client_id=mobile-app" \
	--data-urlencode "code=$code" --data-urlencode "redirect_uri=$REDIRECT" \
	--data-urlencode "code_verifier=$verifier" "$AUTH/oauth2/token" |
	sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
