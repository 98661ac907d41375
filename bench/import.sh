#!/usr/bin/env bash
# Measures the CSV import: generates a staff list of N rows (100,000 by default), creates a staff
# constituency for it, and posts it to a running portal twice (dry run, then the real run), printing
# the wall-clock time of each. Needs curl and a running app (./mvnw quarkus:dev) and its OIDC server.
#
#   bench/import.sh [rows]
#   BASE=http://localhost:8080 AUTH=http://localhost:NNNNN/... bench/import.sh 100000
#
# AUTH is the OIDC server's base URL (dev mode prints "Dev Services for OIDC started on ..."; the token
# endpoint is $AUTH/token). The token is alice's, who has the admin role in dev mode.
set -euo pipefail
ROWS=${1:-100000}
BASE=${BASE:-http://localhost:8080}
AUTH=${AUTH:?set AUTH to the OIDC server URL (quarkus.oidc.auth-server-url of the running app)}
RUN=$(date +%s)
CLASS="bench-$RUN"
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"' EXIT

TOKEN=$(curl -sf -d grant_type=password -d client_id=mutual-vote -d username=alice -d password=alice "$AUTH/token" \
  | tr -d "\n " | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"staff\",\"name\":\"Benchmark staff $RUN\",\"seats\":3,\"staffClasses\":[\"$CLASS\"]}" \
  "$BASE/api/constituencies"

awk -v n="$ROWS" -v cls="$CLASS" -v run="$RUN" 'BEGIN {
  print "name,email,date_of_birth,staff_class,external_id";
  for (i = 1; i <= n; i++) {
    printf "Staff Member %d,staff%d.%s@example.org,%04d-%02d-%02d,%s,EMP-%s-%07d\n", i, i, run, 1950 + i % 50, 1 + i % 12, 1 + i % 28, cls, run, i
  }
}' > "$FILE"
echo "rows: $ROWS, file: $(du -h "$FILE" | cut -f1)"

# dry run, real run (all rows created), the same file again (all rows matched on external_id and updated)
for run in "true dry run" "false real run, creates" "false same file again, updates"; do
  dry=${run%% *}
  curl -s -o /tmp/import-benchmark.json -w "${run#* }: HTTP %{http_code} in %{time_total} s\n" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$FILE" \
    "$BASE/api/members/import?dryRun=$dry"
  head -c 120 /tmp/import-benchmark.json; echo
done
