#!/usr/bin/env bash
# Bearer tokens the portal must refuse (401), against the real Keycloak: called by keycloak/e2e.sh once the
# portal and Keycloak run. A good token for mia gets 200 on /api/me first, so each 401 means the token.
set -euo pipefail
cd "$(dirname "$0")/.."
PORTAL_URL=${PORTAL_URL:-http://localhost:8080}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
REALM_URL="$KEYCLOAK_URL/realms/mutual-vote"
ADMIN_USER=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}

token() { # realm client [secret] user password
  local realm=$1 client=$2 secret=$3 user=$4 password=$5
  curl -fsS "$KEYCLOAK_URL/realms/$realm/protocol/openid-connect/token" -d grant_type=password -d client_id="$client" \
    ${secret:+-d client_secret="$secret"} -d username="$user" -d password="$password" -d scope=openid \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
status() { curl -s -o /dev/null -w '%{http_code}' "$PORTAL_URL/api/me" -H "Authorization: Bearer $1"; }
failed=0
expect() { # name token want
  local got; got=$(status "$2")
  if [ "$got" = "$3" ]; then echo "  ok  $1: $got"; else echo "  FAIL $1: expected $3, got $got"; failed=1; fi
}

GOOD=$(token mutual-vote mutual-vote mutual-vote-secret mia mia)
expect "mia's own token" "$GOOD" 200
expect "alg none" "$(java keycloak/BadTokens.java none "$GOOD")" 401
expect "signed with a foreign key" "$(java keycloak/BadTokens.java foreign "$GOOD")" 401
expect "wrong issuer (the master realm)" "$(token master admin-cli '' "$ADMIN_USER" "$ADMIN_PASSWORD")" 401
expect "wrong audience (the realm's admin-cli client)" "$(token mutual-vote admin-cli '' mia mia)" 401

# Expired: make the realm hand out 1-second tokens for a moment, take one, put the lifespan back.
ADMIN=$(token master admin-cli '' "$ADMIN_USER" "$ADMIN_PASSWORD")
LIFESPAN=$(curl -fsS "$KEYCLOAK_URL/admin/realms/mutual-vote" -H "Authorization: Bearer $ADMIN" | sed -E 's/.*"accessTokenLifespan":([0-9]+).*/\1/')
curl -fsS -X PUT "$KEYCLOAK_URL/admin/realms/mutual-vote" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"accessTokenLifespan":1}'
SHORT=$(token mutual-vote mutual-vote mutual-vote-secret mia mia)
curl -fsS -X PUT "$KEYCLOAK_URL/admin/realms/mutual-vote" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"accessTokenLifespan\":${LIFESPAN:-300}}"
sleep 4
expect "expired" "$SHORT" 401
[ "$failed" = 0 ] && echo "PASS tokens" || { echo "FAIL tokens"; exit 1; }
