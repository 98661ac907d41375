#!/usr/bin/env bash
# Start-up of the packaged service: time from starting the JVM to the first answer on /q/health/live, and resident
# memory at rest, RUNS times, for `java -jar` and for the same with the class-data archive the build writes
# (target/quarkus-app/app-cds.jsa). Prod profile, the local PostgreSQL, bearer tokens checked against a key of
# our own (no OIDC provider to reach at start). The first run of each warms the disk cache and is reported too.
# Settings: RUNS (3), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-8096}
SCHEMA=mutualvote_start
WORK=target/start
mkdir -p "$WORK"
[ -f target/quarkus-app/app-cds.jsa ] || ./mvnw -B -q package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -q -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade"
java bench/LoadDriver.java keygen "$WORK"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"

HZ=$(getconf CLK_TCK)
run() { # label jvm-options...
  local label=$1; shift
  for i in $(seq 0 "$RUNS"); do
    local t0 t1 pid
    t0=$(date +%s%N)
    (cd target/quarkus-app && exec java "$@" -Dquarkus.http.port="$PORT" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$SCHEMA" \
      -Dquarkus.flyway.schemas="$SCHEMA" -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.application-type=service \
      -Dquarkus.oidc.public-key="$(cat "../../$WORK/public.key")" -Dquarkus.oidc.token.issuer=load-driver \
      -jar quarkus-run.jar > "../../$WORK/app.log" 2>&1) &
    pid=$!
    until curl -fs -o /dev/null "http://localhost:$PORT/q/health/live"; do
      kill -0 $pid 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
      sleep 0.02
    done
    t1=$(date +%s%N)
    local cpu rss
    cpu=$(awk -v hz="$HZ" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")
    sleep 3
    rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    kill $pid; wait $pid 2>/dev/null || true
    printf '%-24s %s first answer after %5.2f s (%s CPU s); resident at rest %s MB\n' "$label" \
      "$([ "$i" = 0 ] && echo "first run" || echo "run $i    ")" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$cpu" "$rss"
  done
}
run "java -jar" 
run "java -jar + app-cds.jsa" -XX:SharedArchiveFile=app-cds.jsa
