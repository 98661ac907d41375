#!/usr/bin/env bash
# Casting-speed benchmark: starts the packaged app with a key of our own for bearer tokens, casts
# ballots from many concurrent voters with wrk (Debian's package: a C load generator that costs far less
# CPU than the service; each voter's token is signed beforehand), then measures PostgreSQL's own ceiling
# with pgbench on the same two inserts (participation + ballot), and pgbench calling cast_ballot (the one statement the
# service sends per ballot) directly. Prints the rates, their ratios, latency and the CPU seconds of the app, the
# database and the load generator. Bounded in count and time; talks only to
# localhost. Settings: VOTERS (tokens signed for the measured run), DURATION (10 s), WARMUP (voters signed for the
# warm-up), WARMUP_CONTESTS (10: elections the warm-up voters vote in one after another, so none is refused),
# WARMUP_SECONDS (90), CONCURRENCY, PORT, PGBENCH_SECONDS. A wrk thread whose voters run out stops.
# The app's CPU is also given by thread, so what the JIT compilers still spend after the warm-up shows.
# PROFILER (the path of async-profiler's libasyncProfiler.so) writes a profile of the measured run.
set -euo pipefail
cd "$(dirname "$0")/.."

VOTERS=${VOTERS:-60000}
WARMUP_SECONDS=${WARMUP_SECONDS:-90}
SECONDS_MEASURED=${DURATION:-10}
WARMUP=${WARMUP:-30000}
WARMUP_CONTESTS=${WARMUP_CONTESTS:-10}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-8089}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
SCHEMA=mutualvote_load
WORK=target/load
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
export PGOPTIONS="-c search_path=$SCHEMA"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian package postgresql-contrib or postgresql-client)" >&2; exit 1; }

# The app as shipped: default heap and settings.
. bench/app.sh
fresh_schema_and_key
start_app
echo "app:     resident at rest $(app_rss_mb) MB"

# The register is not what is measured: voters go straight into the database.
TOTAL=$((WARMUP + VOTERS))
. bench/voters.sh
register_voters "Load test" load-voter- "$TOTAL"

# Every election is set up, and every token signed, before the warm-up: calls to other endpoints between the
# warm-up and the measured run would send the JIT back to recompiling the shared code it had made for casting.
# The warm-up voters vote in WARMUP_CONTESTS elections one after another, so no warm-up ballot is refused.
WARM_SPEC=""
for k in $(seq 1 "$WARMUP_CONTESTS"); do
  read -r WID WCANDS <<<"$(java bench/LoadDriver.java setup "$BASE" "$WORK" 1000000000 "Warm-up $k")"
  WARM_SPEC="$WARM_SPEC${WARM_SPEC:+;}$WID:$WCANDS"
done
read -r MID MCANDS <<<"$(java bench/LoadDriver.java setup "$BASE" "$WORK" 1000000000 Measured)"
java bench/LoadDriver.java tokens "$WORK" 1 "$WARMUP" "$WORK/warm-up-tokens.txt"
java bench/LoadDriver.java tokens "$WORK" $((1 + WARMUP)) "$VOTERS" "$WORK/tokens.txt"
echo "warm-up: $WARMUP_SECONDS s (up to $WARMUP voters in each of $WARMUP_CONTESTS other elections), so the JIT has compiled the cast path before it is measured"
wrk -t2 -c"$CONCURRENCY" -d"${WARMUP_SECONDS}s" --timeout 10s -s bench/cast.lua "$BASE" -- "$WORK/warm-up-tokens.txt" "$WARM_SPEC" 2 > "$WORK/warm-up.out"
grep '^wrk:' "$WORK/warm-up.out" | sed 's/^/warm-up: /'
echo "measured: up to $SECONDS_MEASURED s from $CONCURRENCY concurrent voters (wrk, 2 threads), no voter twice"
# CPU ticks per thread, by thread name without its number (JIT compilers, GC, event loops, workers).
threads() { for t in /proc/"$APP"/task/*; do
  echo "$(sed 's/[0-9 #-]*$//' "$t/comm") $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat")"; done 2>/dev/null |
  awk '{ n = $NF; $NF = ""; sub(/ +$/, ""); a[$0] += n } END { for (k in a) print k "\t" a[k] }'; }
# CPU ticks of every PostgreSQL process (the backends for the app's connections, the writers), and of the
# backends that have ended (pgbench's), which the postmaster has reaped into its children's time. A process that ends
# between pgrep and the read (an autovacuum worker, say) is skipped: under pipefail its failed read ended the script.
db_cpu() { for p in $(pgrep -x postgres); do awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done |
  awk '{ s += $1 } END { print s + 0 }'; }
threads > "$WORK/threads.before"
# PROFILER=/path/to/libasyncProfiler.so (async-profiler, not part of the project) profiles the measured run only.
if [ -n "${PROFILER:-}" ]; then java bench/Attach.java "$APP" "$PROFILER" "start,event=itimer" >/dev/null; fi
DB_CPU0=$(db_cpu)
APP_CPU0=$(app_cpu_ticks)
/usr/bin/time -f "%U %S" -o "$WORK/wrk.time" wrk -t2 -c"$CONCURRENCY" -d"${SECONDS_MEASURED}s" --timeout 10s \
  -s bench/cast.lua "$BASE" -- "$WORK/tokens.txt" "$MID:$MCANDS" 2 > "$WORK/wrk.out"
APP_CPU1=$(app_cpu_ticks)
DB_CPU1=$(db_cpu)
threads > "$WORK/threads.after"
if [ -n "${PROFILER:-}" ]; then
  java bench/Attach.java "$APP" "$PROFILER" "stop,file=$PWD/$WORK/profile.collapsed,collapsed" >/dev/null
  echo "profile: $WORK/profile.collapsed (collapsed stacks of the measured run)"
fi
APP_LINE=$(grep '^wrk:' "$WORK/wrk.out")
read -r WU WS < "$WORK/wrk.time"
echo "app:     $APP_LINE"
echo "app:     resident after the load $(app_rss_mb) MB"
CAST=$(grep -Eo 'cast=[0-9]+' <<<"$APP_LINE" | cut -d= -f2)
awk -v a="$APP_CPU0" -v b="$APP_CPU1" -v d0="$DB_CPU0" -v d1="$DB_CPU1" -v hz="$(getconf CLK_TCK)" -v wu="$WU" -v ws="$WS" -v n="$CAST" \
  'BEGIN { printf "cpu:     app_cpu_s=%.1f load_generator_cpu_s=%.1f database_cpu_s=%.1f; per ballot: app %.2f ms, database %.2f ms\n",
    (b - a) / hz, wu + ws, (d1 - d0) / hz, (b - a) / hz / n * 1000, (d1 - d0) / hz / n * 1000 }'
awk -F'\t' -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; if (d > 0) printf "%s\t%.2f\n", $1, d / hz }' \
  "$WORK/threads.before" "$WORK/threads.after" | sort -t$'\t' -k2 -rn | head -8 |
  awk -F'\t' '{ printf "%s%s %s s", (NR == 1 ? "cpu:     by thread: " : ", "), $1, $2 } END { print "" }'

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
DB_CPU2=$(db_cpu)
PG_OUT=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" -f "$WORK/cast.sql" postgres 2>&1)
PG_TPS=$(grep -Eo 'tps = [0-9.]+' <<<"$PG_OUT" | head -1 | grep -Eo '[0-9.]+')
PG_LAT=$(grep -Eo 'latency average = [0-9.]+ ms' <<<"$PG_OUT" | head -1)
DB_CPU3=$(db_cpu)
PG_TX=$(grep -Eo 'number of transactions actually processed: [0-9]+' <<<"$PG_OUT" | grep -Eo '[0-9]+$')
echo "pgbench: tps=$PG_TPS ($PG_LAT) with $CONCURRENCY clients; $(awk -v a="$DB_CPU2" -v b="$DB_CPU3" -v hz="$(getconf CLK_TCK)" -v n="$PG_TX" \
  'BEGIN { printf "database %.2f ms CPU per transaction", (b - a) / hz / n * 1000 }')"

# The function the service calls, straight from pgbench: what a cast costs the database without the service. Each
# call is a new voter (a sequence picks them), in an election whose roll holds them all; every client makes the same
# number of calls, so the run ends when the voters run out.
"${PSQL[@]}" -c "insert into contest (id, kind, title, constituency_id, state) values (1000000002, 'election', 'pgbench function', 1000000000, 'open'); select open_ballot_box(1000000002);
  insert into voter_roll (contest_id, member_id, constituency_id) select 1000000002, id, constituency_id from member where constituency_id = 1000000000;
  create sequence bench_voter"
cat > "$WORK/cast-function.sql" <<SQL
SELECT answer FROM cast_ballot(1000000002, 'load-voter-' || nextval('bench_voter'), NULL, now(), gen_random_uuid(), 'online',
  '{2,1,3}', md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text));
SQL
DB_CPU4=$(db_cpu)
FN_OUT=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONCURRENCY" -j 2 -t $((TOTAL / CONCURRENCY)) -f "$WORK/cast-function.sql" postgres 2>&1)
DB_CPU5=$(db_cpu)
FN_TPS=$(grep -Eo 'tps = [0-9.]+' <<<"$FN_OUT" | head -1 | grep -Eo '[0-9.]+')
FN_TX=$(grep -Eo 'number of transactions actually processed: [0-9]+' <<<"$FN_OUT" | grep -Eo '[0-9]+$')
FN_CAST=$("${PSQL[@]}" -Atc "select count(*) from ballot where contest_id = 1000000002")
echo "pgbench: cast_ballot itself: tps=$FN_TPS, $FN_CAST of $FN_TX calls cast; $(awk -v a="$DB_CPU4" -v b="$DB_CPU5" -v hz="$(getconf CLK_TCK)" -v n="$FN_TX" \
  'BEGIN { printf "database %.2f ms CPU per call", (b - a) / hz / n * 1000 }')"

APP_RATE=$(grep -Eo 'ballots_per_s=[0-9.]+' <<<"$APP_LINE" | cut -d= -f2)
awk -v a="$APP_RATE" -v p="$PG_TPS" -v f="$FN_TPS" 'BEGIN { printf "ratio:   app/pgbench = %.2f (target >= 0.50); cast_ballot from pgbench/pgbench = %.2f\n", a / p, f / p }'
drop_schema
