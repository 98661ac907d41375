#!/usr/bin/env bash
# Crash and two-instance checks (issue 12), run by .ci/run after the build: the packaged app casts under
# load and is killed with SIGKILL mid-way, then restarted; every acknowledged ballot must be on the
# bulletin board, participations must equal ballots, and the audit chain must verify. Then two instances
# on one database race the same voters: exactly one ballot each. Then the database connection is cut
# under a running instance: the API must answer 503 with Retry-After, and recover by itself.
# Talks only to localhost; prints its figures. Settings: VOTERS, RACE_VOTERS, CONCURRENCY, PGDATABASE.
set -euo pipefail
cd "$(dirname "$0")/.."

VOTERS=${VOTERS:-1000}
RACE_VOTERS=${RACE_VOTERS:-100}
CONCURRENCY=${CONCURRENCY:-16}
PORT_A=${PORT_A:-8391}
PORT_B=${PORT_B:-8392}
PROXY_PORT=${PROXY_PORT:-8393}
DB=${PGDATABASE:-postgres}
SCHEMA=mutualvote_crash
WORK=target/crash
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -At)
export PGOPTIONS="-c search_path=$SCHEMA"
mkdir -p "$WORK"
rm -f "$WORK"/acks.txt; : > "$WORK"/acks.txt
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
"${PSQL[@]}" -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade"
java bench/LoadDriver.java keygen "$WORK"

PIDS=()
start_app() { # port log [jdbc-port]
  local port=$1 log=$2 dbport=${3:-5432}
  java -Xmx512m -Dquarkus.http.port="$port" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$dbport/$DB?currentSchema=$SCHEMA&connectTimeout=2" \
    -Dquarkus.datasource.jdbc.acquisition-timeout=3s -Dquarkus.flyway.schemas="$SCHEMA" \
    -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.application-type=service \
    -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" -Dquarkus.oidc.token.issuer=load-driver \
    -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$LAST_PID" 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.5
  done
  echo "the app on $port is not ready" >&2; tail -20 "$log" >&2; return 1
}
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${PROXY:-}" ] && kill -- "-$PROXY" 2>/dev/null || true; }
trap cleanup EXIT

start_app "$PORT_A" "$WORK/app-a.log"
A=$LAST_PID
TOTAL=$((VOTERS + RACE_VOTERS))
. bench/voters.sh
register_voters "Crash test" load-voter- "$TOTAL"

# 1. SIGKILL while casting.
read -r CID CANDS <<<"$(java bench/LoadDriver.java setup "http://localhost:$PORT_A" "$WORK" 1000000000 Crash)"
java bench/CrashDriver.java cast "http://localhost:$PORT_A" "$WORK" "$CID" 1 "$VOTERS" "$CONCURRENCY" "$CANDS" "$WORK/acks.txt" \
  > "$WORK/cast1.txt" &
DRIVER=$!
until [ "$(wc -l < "$WORK/acks.txt" 2>/dev/null || echo 0)" -ge $((VOTERS / 3)) ]; do
  kill -0 $DRIVER 2>/dev/null || break
  sleep 0.2
done
kill -9 "$A"
echo "crash: killed the app with SIGKILL after $(wc -l < "$WORK/acks.txt") acknowledged ballots"
wait $DRIVER || true
cat "$WORK/cast1.txt"
start_app "$PORT_A" "$WORK/app-a2.log"
A=$LAST_PID
# The rest of the voters cast on the restarted app (those who got no answer may try again: one ballot each still).
java bench/CrashDriver.java cast "http://localhost:$PORT_A" "$WORK" "$CID" 1 "$VOTERS" "$CONCURRENCY" "$CANDS" "$WORK/acks.txt"
read -r BALLOTS PARTICIPATIONS <<<"$("${PSQL[@]}" -F ' ' -c "select (select count(*) from ballot where contest_id = $CID), (select count(*) from participation where contest_id = $CID)")"
echo "crash: ballots=$BALLOTS participations=$PARTICIPATIONS"
[ "$BALLOTS" = "$PARTICIPATIONS" ] || { echo "FAIL: participations differ from ballots" >&2; exit 1; }
java bench/CrashDriver.java verify "http://localhost:$PORT_A" "$WORK" "$CID" "$WORK/acks.txt"

# 2. Two instances, one database: the same voter on both at once.
start_app "$PORT_B" "$WORK/app-b.log"
read -r RID RCANDS <<<"$(java bench/LoadDriver.java setup "http://localhost:$PORT_A" "$WORK" 1000000000 Race)"
java bench/CrashDriver.java race "http://localhost:$PORT_A" "http://localhost:$PORT_B" "$WORK" "$RID" $((VOTERS + 1)) "$RACE_VOTERS" "$RCANDS"
read -r RB RP <<<"$("${PSQL[@]}" -F ' ' -c "select (select count(*) from ballot where contest_id = $RID), (select count(*) from participation where contest_id = $RID)")"
echo "race: ballots=$RB participations=$RP voters=$RACE_VOTERS"
[ "$RB" = "$RACE_VOTERS" ] && [ "$RP" = "$RACE_VOTERS" ] || { echo "FAIL: the race gave $RB ballots for $RACE_VOTERS voters" >&2; exit 1; }

# 3. The database goes away under a running instance, and comes back.
setsid socat TCP-LISTEN:"$PROXY_PORT",fork,reuseaddr TCP:127.0.0.1:5432 & PROXY=$!
sleep 0.5
start_app $((PORT_B + 10)) "$WORK/app-c.log" "$PROXY_PORT"
C=http://localhost:$((PORT_B + 10))
ADMIN=$(java bench/CrashDriver.java token "$WORK" load-admin admin)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$C/api/constituencies" -H "Authorization: Bearer $ADMIN")" = 200 ] \
  || { echo "FAIL: the instance behind the proxy does not answer" >&2; exit 1; }
kill -- "-$PROXY"; PROXY=
sleep 1
CODE=$(curl -s -o "$WORK/down.json" -D "$WORK/down.headers" -w '%{http_code}' "$C/api/constituencies" -H "Authorization: Bearer $ADMIN")
READY=$(curl -s -o /dev/null -w '%{http_code}' "$C/q/health/ready")
echo "database down: /api/constituencies answered $CODE (Retry-After: $(grep -i '^retry-after' "$WORK/down.headers" | tr -d '\r' | cut -d' ' -f2)), readiness $READY"
setsid socat TCP-LISTEN:"$PROXY_PORT",fork,reuseaddr TCP:127.0.0.1:5432 & PROXY=$!
for _ in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$C/q/health/ready")" = 200 ] && break
  sleep 1
done
BACK=$(curl -s -o /dev/null -w '%{http_code}' "$C/q/health/ready")
AGAIN=$(curl -s -o /dev/null -w '%{http_code}' "$C/api/constituencies" -H "Authorization: Bearer $ADMIN")
echo "database back: readiness $BACK, /api/constituencies $AGAIN"
[ "$CODE" = 503 ] && [ "$READY" = 503 ] && [ "$BACK" = 200 ] && [ "$AGAIN" = 200 ] && grep -qi '^retry-after' "$WORK/down.headers" && grep -q '"status":503' "$WORK/down.json" \
  || { echo "FAIL: no 503 with Retry-After while the database was down, or no recovery" >&2; cat "$WORK/down.json" >&2; exit 1; }
echo "crash.sh: all checks passed"
