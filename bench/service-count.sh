#!/usr/bin/env bash
# Counting in the service: an STV election of BALLOTS ballots (15 candidates, 5 seats, rule RULE) stored in
# PostgreSQL is closed, counted and published through the API of the packaged app in its default heap; prints
# the time of each step, the whole, and the app's resident memory. The ballots go straight into the database
# (with their true trackers, so the count's check of the sealed set passes); their preferences follow uneven
# popularity like bench/SyntheticBlt.java. Talks only to localhost. Settings: BALLOTS, RULE, PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

BALLOTS=${BALLOTS:-1000000}
RULE=${RULE:-ni85}
PORT=${PORT:-8094}
SCHEMA=mutualvote_count
WORK=target/service-count
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -At)
export PGOPTIONS="-c search_path=$SCHEMA"

. bench/app.sh
fresh_schema_and_key
start_app
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); app resident at rest $(app_rss_mb) MB"

. bench/voters.sh
register_voters "Count test" count-voter- "$BALLOTS"
ID=$(java bench/LoadDriver.java stv "$BASE" "$WORK" 1000000000 "$RULE" 15 5)
echo "election $ID: writing $BALLOTS ballots into the database (not timed)"
"${PSQL[@]}" <<SQL
insert into participation (contest_id, member_id) select $ID, 1000000000 + g from generate_series(1, $BALLOTS) g;
insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
select gen_random_uuid(), $ID, 'online', r, n,
       encode(sha256(convert_to(concat_ws(E'\n', 'mutualvote-ballot-v1', $ID, 'online', array_to_string(r, ','), n), 'UTF8')), 'hex')
from (select md5(random()::text) || md5(random()::text) as n,
             -- candidate c is ranked ahead with weight 1/(c+1); a ballot ranks 1 to 15 of them
             (select (array_agg(c order by -ln(1 - random()) * (c + 1)))[1:1 + floor(random() * 15)::int]
              from generate_series(1, 15) c where g > 0) as r
      from generate_series(1, $BALLOTS) g) b;
SQL

ADMIN=$(java bench/LoadDriver.java admin-token "$WORK")
step() { # name path
  local t0 t1
  t0=$(date +%s.%N)
  curl -fsS -X POST -H "Authorization: Bearer $ADMIN" "$BASE$2" > "$WORK/$1.json"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v s="$1" 'BEGIN { printf "%-8s %6.2f s\n", s, b - a }'
}
T0=$(date +%s.%N)
step close "/api/elections/$ID/close"
step count "/api/elections/$ID/count"
step publish "/api/elections/$ID/publish"
T1=$(date +%s.%N)
awk -v a="$T0" -v b="$T1" -v n="$BALLOTS" -v r="$RULE" 'BEGIN { printf "total    %6.2f s for %d ballots, rule %s (target under 15 s for 1,000,000)\n", b - a, n, r }'
echo "app resident after the count: $(app_rss_mb) MB"
grep -o '"elected":\[[^]]*\]' "$WORK/publish.json" | head -1 || true
drop_schema
