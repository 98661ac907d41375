#!/usr/bin/env bash
# Stops the Keycloak that keycloak/start.sh started (its pid is in .keycloak/keycloak.pid).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PIDFILE="$ROOT/.keycloak/keycloak.pid"

if [ ! -f "$PIDFILE" ]; then
  echo "Keycloak is not running (no $PIDFILE)."
  exit 0
fi
pid=$(cat "$PIDFILE")
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  echo "Keycloak is not running (stale pid file removed)."
  rm -f "$PIDFILE"
  exit 0
fi

# start.sh ran kc.sh in a session of its own, so its process group id is its pid: signal the group
# (kc.sh and its Java process), and nothing else.
echo "Stopping Keycloak (pid $pid)..."
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 30); do
  kill -0 -- "-$pid" 2>/dev/null || break
  sleep 1
done
if kill -0 -- "-$pid" 2>/dev/null; then
  echo "Keycloak did not stop within 30s; killing it."
  kill -KILL -- "-$pid" 2>/dev/null || true
fi
rm -f "$PIDFILE"
echo "Keycloak stopped."
