# How a start is timed, for bench/start.sh and bench/start-floor.sh (sourced, not run). Needs ROOT, WORK (holding
# public.key from `java bench/LoadDriver.java keygen`), RUNS and PORT.
# start_runs LABEL DIRECTORY JAVA SCHEMA [JVM-OPTIONS...]: starts DIRECTORY/quarkus-run.jar RUNS times after a first
# run (prod profile, the local PostgreSQL in SCHEMA, bearer tokens checked against our own key, so no OIDC provider is
# reached at start), and prints for each the time from starting the JVM to the first answer on /q/health/live, the
# CPU seconds used until then, and the resident memory 3 s later, at rest. EXTRA_JAVA_OPTS is added to every run.
HZ=$(getconf CLK_TCK)
start_runs() {
  local label=$1 dir=$2 java=$3 schema=$4; shift 4
  for i in $(seq 0 "$RUNS"); do
    local t0 t1 pid cpu rss
    t0=$(date +%s%N)
    (cd "$dir" && exec "$java" ${EXTRA_JAVA_OPTS:-} "$@" -Dquarkus.http.port="$PORT" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
      -Dquarkus.flyway.schemas="$schema" -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.application-type=service \
      -Dquarkus.oidc.public-key="$(cat "$ROOT/$WORK/public.key")" -Dquarkus.oidc.token.issuer=load-driver \
      -jar quarkus-run.jar > "$ROOT/$WORK/app.log" 2>&1) &
    pid=$!
    until curl -fs -o /dev/null "http://localhost:$PORT/q/health/live"; do
      kill -0 $pid 2>/dev/null || { echo "$label did not start:" >&2; tail -20 "$ROOT/$WORK/app.log" >&2; exit 1; }
      sleep 0.02
    done
    t1=$(date +%s%N)
    cpu=$(awk -v hz="$HZ" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")
    sleep 3
    rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    kill $pid; wait $pid 2>/dev/null || true
    printf '%-34s %s first answer after %5.2f s (%s CPU s); resident at rest %s MB\n' "$label" \
      "$([ "$i" = 0 ] && echo "first run" || echo "run $i    ")" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$cpu" "$rss"
  done
}
