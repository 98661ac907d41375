#!/usr/bin/env bash
# Casting-speed benchmark: starts the packaged app with a key of our own for bearer tokens, casts
# ballots from many concurrent voters, then measures PostgreSQL's own ceiling with pgbench on the
# same two inserts (participation + ballot). Prints both and their ratio. Bounded in count and time;
# talks only to localhost. Settings: VOTERS, WARMUP, CONCURRENCY, PORT, PGBENCH_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."

VOTERS=${VOTERS:-20000}
WARMUP=${WARMUP:-10000}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-8089}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
SCHEMA=mutualvote_load
WORK=target/load
BASE="http://localhost:$PORT"
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
export PGOPTIONS="-c search_path=$SCHEMA"

command -v pgbench >/dev/null || { echo "pgbench is missing (Debian package postgresql-contrib or postgresql-client)" >&2; exit 1; }
mkdir -p "$WORK"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then ./mvnw -B -q package -DskipTests; fi

"${PSQL[@]}" -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade"
java bench/LoadDriver.java keygen "$WORK"

java -Xmx1g ${APP_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$SCHEMA" \
  -Dquarkus.flyway.schemas="$SCHEMA" \
  -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.application-type=service \
  -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" -Dquarkus.oidc.token.issuer=load-driver \
  -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "the app is not ready" >&2; exit 1; }

# The register is not what is measured: voters go straight into the database.
TOTAL=$((WARMUP + VOTERS))
"${PSQL[@]}" <<SQL
insert into constituency (id, name, kind, seats) values (1000000000, 'Load test', 'other', 1);
insert into member (id, subject, name, email, date_of_birth, constituency_id, status, joined_on)
select 1000000000 + g, 'load-voter-' || g, 'Voter ' || g, 'load-voter-' || g || '@example.org', date '1980-01-01',
       1000000000, 'active', current_date
from generate_series(1, $TOTAL) g;
SQL

read -r WID WCANDS <<<"$(java bench/LoadDriver.java setup "$BASE" "$WORK" 1000000000 Warm-up)"
echo "warm-up: $WARMUP ballots"
java bench/LoadDriver.java cast "$BASE" "$WORK" "$WID" 1 "$WARMUP" "$CONCURRENCY" "$WCANDS" >/dev/null

read -r MID MCANDS <<<"$(java bench/LoadDriver.java setup "$BASE" "$WORK" 1000000000 Measured)"
echo "measured: $VOTERS ballots from $CONCURRENCY concurrent voters"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
APP_CPU0=$(cpu $APP)
APP_LINE=$(/usr/bin/time -f "driver_cpu_s=%U+%S" java bench/LoadDriver.java cast "$BASE" "$WORK" "$MID" 1 "$VOTERS" "$CONCURRENCY" "$MCANDS" 2>"$WORK/driver.err")
APP_CPU1=$(cpu $APP)
echo "app:     $APP_LINE app_cpu_s=$(awk -v a="$APP_CPU0" -v b="$APP_CPU1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }') $(tail -1 "$WORK/driver.err")"

# The database's own ceiling on the same two inserts, same concurrency, prepared statements.
"${PSQL[@]}" -c "insert into contest (id, kind, title, constituency_id, state) values (1000000001, 'election', 'pgbench', 1000000000, 'open'); select open_ballot_box(1000000001)"
cat > "$WORK/cast.sql" <<SQL
\set m random(1000000001, $((1000000000 + TOTAL)))
BEGIN;
INSERT INTO participation (contest_id, member_id) VALUES (1000000001, :m) ON CONFLICT DO NOTHING;
INSERT INTO ballot (id, contest_id, channel, ranking, nonce, tracker)
  VALUES (gen_random_uuid(), 1000000001, 'online', '{2,1,3}', md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text));
END;
SQL
PG_OUT=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" -f "$WORK/cast.sql" postgres 2>&1)
PG_TPS=$(grep -Eo 'tps = [0-9.]+' <<<"$PG_OUT" | head -1 | grep -Eo '[0-9.]+')
PG_LAT=$(grep -Eo 'latency average = [0-9.]+ ms' <<<"$PG_OUT" | head -1)
echo "pgbench: tps=$PG_TPS ($PG_LAT) with $CONCURRENCY clients"

APP_RATE=$(grep -Eo 'ballots_per_s=[0-9.]+' <<<"$APP_LINE" | cut -d= -f2)
awk -v a="$APP_RATE" -v p="$PG_TPS" 'BEGIN { printf "ratio:   app/pgbench = %.2f (target >= 0.50)\n", a / p }'
"${PSQL[@]}" -c "set client_min_messages = warning; drop schema $SCHEMA cascade"
