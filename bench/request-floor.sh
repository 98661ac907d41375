#!/usr/bin/env bash
# What a request costs the service before casting does anything of its own: the packaged app's CPU per request for
# requests that do less and less than a cast, each from 32 concurrent connections with wrk, as bench/cast.sh casts.
#   GET /q/health/live                       no token, no database: HTTP and routing
#   GET /api/audit/head without a token      401 with a problem body: the security layer's refusal
#   GET /api/audit/head with a member token  403 before any query: the bearer token's signature checked as well
#   GET /api/contests/{id}/ballots/mine      a member's one-query read (plain JDBC on a worker thread, as a cast)
# Compare the last with bench/cast.sh's "app ... ms per ballot" in the same hour: a cast sends one statement too.
# Each row is warmed up for WARMUP_SECONDS first (the JIT), then measured for DURATION seconds; RUNS rounds.
# Settings: RUNS (3), WARMUP_SECONDS (30), DURATION (10), CONCURRENCY (32), PORT. Talks only to localhost.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-8091}
SCHEMA=mutualvote_floor_requests
WORK=target/request-floor
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
export PGOPTIONS="-c search_path=$SCHEMA"

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"

. bench/app.sh
fresh_schema_and_key
start_app

# Ten members, so the election opens without the small-roll override; the token is the first one's.
. bench/voters.sh
register_voters "Load test" load-voter- 10
read -r ELECTION _ <<<"$(java bench/LoadDriver.java setup "$BASE" "$WORK" 1000000000 "Request floor")"
java bench/LoadDriver.java tokens "$WORK" 1 1 "$WORK/token.txt"

HZ=$(getconf CLK_TCK)
measure() { # LABEL PATH [TOKEN_FILE]
  local label=$1 path=$2 token=${3:-} out t0 t1 n non wu ws
  wrk -t2 -c"$CONCURRENCY" -d"${WARMUP_SECONDS}s" -s bench/get.lua "$BASE$path" -- $token > /dev/null
  t0=$(app_cpu_ticks)
  out=$(/usr/bin/time -f "%U %S" -o "$WORK/wrk.time" wrk -t2 -c"$CONCURRENCY" -d"${DURATION}s" -s bench/get.lua "$BASE$path" -- $token)
  t1=$(app_cpu_ticks)
  n=$(grep -Eo '[0-9]+ requests in' <<<"$out" | grep -Eo '^[0-9]+')
  non=$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+' <<<"$out" | grep -Eo '[0-9]+$' || echo 0)
  read -r wu ws < "$WORK/wrk.time"
  awk -v label="$label" -v n="$n" -v non="$non" -v a="$t0" -v b="$t1" -v hz="$HZ" -v wu="$wu" -v ws="$ws" -v d="$DURATION" \
    'BEGIN { printf "%-48s %6.0f requests/s (%d not 2xx); app %.3f ms CPU per request, wrk %.3f ms\n",
      label, n / d, non, (b - a) / hz / n * 1000, (wu + ws) / n * 1000 }'
}
for run in $(seq 1 "$RUNS"); do
  echo "run $run"
  measure "health: no token, no database" /q/health/live
  measure "audit head, no token: 401" /api/audit/head
  measure "audit head, member token: 403, no query" /api/audit/head "$WORK/token.txt"
  measure "ballots/mine, member token: one query" "/api/contests/$ELECTION/ballots/mine" "$WORK/token.txt"
done
drop_schema
