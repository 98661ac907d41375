#!/usr/bin/env bash
# End-to-end login check: the packaged portal, the reference Keycloak and a real (headless) Chromium.
# Logs in as mia through the Keycloak login form, checks the portal shows mia with role member, logs
# out; then sends bearer tokens that must get 401 (keycloak/e2e-tokens.sh: alg none, a foreign key, the
# wrong issuer, audience or expiry), and prints PASS or FAIL. .ci/run runs it when it can; it takes about a
# minute or two and needs
# Java 21+ (for Keycloak), Node.js, Debian's chromium and PostgreSQL on 127.0.0.1:5432.
#
#   keycloak/e2e.sh              build the portal, then check
#   keycloak/e2e.sh --no-build   use the existing target/quarkus-app
#
# It starts only what is not already running and stops what it started. The portal runs on port 8080
# (the realm's redirect URIs name it) with its tables in a schema of its own, mutualvote_e2e, wiped at
# each run. playwright-core is installed once into a scratch directory outside the repository
# ($MUTUALVOTE_E2E_DIR, default ~/.cache/mutual-vote-e2e); it drives /usr/bin/chromium ($CHROMIUM) and
# never downloads a browser of its own. A screenshot of the signed-in portal goes to target/e2e/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORTAL_PORT=8080
PORTAL_URL="http://localhost:$PORTAL_PORT"
KEYCLOAK_URL="http://localhost:8180"
SCHEMA=mutualvote_e2e
E2E_DIR=${MUTUALVOTE_E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mutual-vote-e2e}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT="$ROOT/target/e2e"

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "$*" >&2; echo "FAIL"; exit 1; }

command -v node >/dev/null || fail "Node.js is needed (node and npm)"
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM: apt-get install -y chromium (or set CHROMIUM)"
pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || fail "PostgreSQL does not answer on 127.0.0.1:5432"
if curl -s -o /dev/null --max-time 3 "$PORTAL_URL/"; then
  fail "port $PORTAL_PORT is already in use; stop whatever runs there (the realm only redirects to $PORTAL_URL)"
fi

if [ ! -f "$E2E_DIR/node_modules/playwright-core/package.json" ]; then
  echo "Installing playwright-core into $E2E_DIR (once)..."
  mkdir -p "$E2E_DIR"
  [ -f "$E2E_DIR/package.json" ] || echo '{ "private": true }' >"$E2E_DIR/package.json"
  (cd "$E2E_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent playwright-core) \
    || fail "could not install playwright-core"
fi

started_keycloak=false
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping the portal (pid $app_pid)..."
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  if $started_keycloak; then
    keycloak/stop.sh || true
  fi
}
trap cleanup EXIT

if [ -f .keycloak/keycloak.pid ] && kill -0 "$(cat .keycloak/keycloak.pid)" 2>/dev/null; then
  echo "Using the Keycloak that is already running."
elif curl -s -o /dev/null --max-time 3 "$KEYCLOAK_URL/"; then
  echo "Using the Keycloak already answering on $KEYCLOAK_URL."
else
  started_keycloak=true
fi
keycloak/start.sh >/dev/null || fail "Keycloak did not start (see .keycloak/keycloak.log)"

if $build || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "Building the portal..."
  ./mvnw -B -q package -DskipTests || fail "the build failed"
fi

mkdir -p "$OUT"
echo "Starting the portal on $PORTAL_URL (schema $SCHEMA, log: $OUT/portal.log)..."
java -Dquarkus.http.port="$PORTAL_PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$SCHEMA" \
  -Dquarkus.flyway.schemas="$SCHEMA" \
  -Dquarkus.flyway.clean-at-start=true -Dquarkus.flyway.clean-disabled=false \
  -jar target/quarkus-app/quarkus-run.jar >"$OUT/portal.log" 2>&1 </dev/null &
app_pid=$!
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "$PORTAL_URL/q/health/ready" && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
if ! curl -fs -o /dev/null "$PORTAL_URL/q/health/ready"; then
  tail -n 30 "$OUT/portal.log" >&2
  fail "the portal did not become ready"
fi

echo "Logging in with Chromium..."
status=0
PLAYWRIGHT_DIR="$E2E_DIR" CHROMIUM="$CHROMIUM" PORTAL_URL="$PORTAL_URL" KEYCLOAK_URL="$KEYCLOAK_URL" \
  SCREENSHOT="$OUT/logged-in.png" node keycloak/e2e-login.mjs || status=$?
echo "Bearer tokens the portal must refuse..."
PORTAL_URL="$PORTAL_URL" KEYCLOAK_URL="$KEYCLOAK_URL" keycloak/e2e-tokens.sh || status=1
exit "$status"
