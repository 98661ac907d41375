# Sourced by the benchmark scripts. fresh_schema_and_key empties $SCHEMA (through the caller's PSQL command) and
# writes in $WORK the key pair LoadDriver signs tokens with; drop_schema removes $SCHEMA when the script is done.
fresh_schema_and_key() {
  mkdir -p "$WORK"
  "${PSQL[@]}" -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade"
  java bench/LoadDriver.java keygen "$WORK"
}
drop_schema() { "${PSQL[@]}" -c "set client_min_messages = warning; drop schema $SCHEMA cascade"; }

# start_app starts the packaged app on $PORT with its tables in $SCHEMA and bearer
# tokens checked against a key of our own ($WORK/public.key, from LoadDriver keygen), waits until it is ready,
# and stops it when the script exits. Sets APP (its pid) and BASE. Extra JVM options: APP_JAVA_OPTS.
start_app() {
  BASE="http://localhost:$PORT"
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
  java ${APP_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$SCHEMA" \
    -Dquarkus.flyway.schemas="$SCHEMA" \
    -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.application-type=service \
    -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" -Dquarkus.oidc.token.issuer=load-driver \
    -Dquarkus.log.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 $APP 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app is not ready" >&2
  exit 1
}

# CPU ticks (user + system) the app has used so far; divide by `getconf CLK_TCK` for seconds.
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }

# Resident memory of the app, in MB.
app_rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status"; }
