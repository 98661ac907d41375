#!/usr/bin/env bash
# Starts the reference Keycloak for Mutual Vote on http://localhost:8180 with the realm in
# keycloak/mutual-vote-realm.json. Development use only: Keycloak runs in dev mode (H2 database, HTTP).
#
#   keycloak/start.sh           start it (does nothing if it is already running)
#   keycloak/start.sh --reset   forget the previous realm data and import the realm file afresh
#   keycloak/stop.sh            stop it
#
# The first run fetches Keycloak from Maven Central through the Maven wrapper and unpacks it under
# .keycloak/ (git-ignored). Keycloak needs Java 21 or later; the portal itself stays on Java 17.
set -euo pipefail

KC_VERSION=26.7.3
KC_PORT=${KC_PORT:-8180}
REALM=mutual-vote

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/.keycloak"
KC_HOME="$WORK/keycloak-$KC_VERSION"
ZIP="$WORK/keycloak-quarkus-dist-$KC_VERSION.zip"
LOG="$WORK/keycloak.log"
PIDFILE="$WORK/keycloak.pid"
ISSUER="http://localhost:$KC_PORT/realms/$REALM"
WELL_KNOWN="$ISSUER/.well-known/openid-configuration"
TIMEOUT=${KC_START_TIMEOUT:-180}

reset=false
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "keycloak/start.sh: $*" >&2; exit 1; }
answers() { curl -fsS -o /dev/null --max-time 3 "$WELL_KNOWN" 2>/dev/null; }
running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

print_usage_hint() {
  cat <<EOF

Keycloak is up: realm $REALM at $ISSUER
  admin console  http://localhost:$KC_PORT/admin/  (master realm: ${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} / ${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}, dev only)
  demo users     alice bob sam mia noah olivia, password = user name (demo only)
  log            $LOG
  stop it with   keycloak/stop.sh

Run the portal against it:
  ./mvnw package -DskipTests && java -jar target/quarkus-app/quarkus-run.jar
or in dev mode:
  ./mvnw quarkus:dev -Dquarkus.oidc.auth-server-url=$ISSUER -Dquarkus.oidc.token.audience=mutual-vote
EOF
}

command -v curl >/dev/null || fail "curl is needed"

if pid=$(running_pid); then
  if $reset; then
    fail "Keycloak is running (pid $pid); stop it with keycloak/stop.sh before --reset"
  fi
  echo "Keycloak is already running (pid $pid)."
  for _ in $(seq 1 "$TIMEOUT"); do answers && break; sleep 1; done
  answers || fail "pid $pid is running but $WELL_KNOWN does not answer; see $LOG"
  print_usage_hint
  exit 0
fi
rm -f "$PIDFILE"
if curl -s -o /dev/null --max-time 3 "http://localhost:$KC_PORT/"; then
  if answers; then
    echo "Something not started by this script already serves realm $REALM on port $KC_PORT; using it."
    print_usage_hint
    exit 0
  fi
  fail "port $KC_PORT is taken by another program, and it does not serve realm $REALM"
fi

# Java 21+: JAVA_HOME if it is recent enough, else a JDK under /usr/lib/jvm.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
pick_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25* /usr/lib/jvm/*-2[1-9]*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
KC_JAVA_HOME=$(pick_java) \
  || fail "Keycloak $KC_VERSION needs Java 21 or later. Install one (for example a Temurin 21 or 25 JDK) and point JAVA_HOME at it."

mkdir -p "$WORK"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  if [ ! -s "$ZIP" ]; then
    echo "Fetching Keycloak $KC_VERSION from Maven Central (about 170 MB, once)..."
    (cd "$ROOT" && ./mvnw -q -B dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "-DoutputDirectory=$WORK") \
      || fail "could not download org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
  fi
  echo "Unpacking $ZIP ..."
  rm -rf "$KC_HOME.partial"
  mkdir -p "$KC_HOME.partial"
  if command -v unzip >/dev/null; then
    unzip -q "$ZIP" -d "$KC_HOME.partial"
  else
    (cd "$KC_HOME.partial" && "$KC_JAVA_HOME/bin/jar" xf "$ZIP")
  fi
  mv "$KC_HOME.partial/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$KC_HOME.partial"
  chmod +x "$KC_HOME"/bin/*.sh
fi

if $reset; then
  echo "Forgetting the previous realm data (--reset)."
  rm -rf "$KC_HOME/data/h2"
fi
# --import-realm skips a realm that already exists, so edits to the file need --reset.
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/keycloak/mutual-vote-realm.json" "$KC_HOME/data/import/mutual-vote-realm.json"

echo "Starting Keycloak $KC_VERSION on port $KC_PORT with $KC_JAVA_HOME (log: $LOG)..."
# A session of its own, so stop.sh can end kc.sh and its Java process together.
JAVA_HOME="$KC_JAVA_HOME" \
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
  setsid nohup "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --import-realm \
  >"$LOG" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$PIDFILE"

for ((waited = 0; waited < TIMEOUT; waited++)); do
  answers && break
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PIDFILE"
    echo "Keycloak exited during start. Last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
if ! answers; then
  echo "Keycloak did not answer $WELL_KNOWN within ${TIMEOUT}s. Last lines of $LOG:" >&2
  tail -n 40 "$LOG" >&2
  "$ROOT/keycloak/stop.sh" >&2 || true
  exit 1
fi
echo "Keycloak answered after ${waited}s (pid $pid)."
print_usage_hint
