#!/usr/bin/env bash
# Start-up of the packaged service: time from starting the JVM to the first answer on /q/health/live, and resident
# memory at rest, RUNS times, for `java -jar` and for the same with the class-data archive the build writes
# (target/quarkus-app/app-cds.jsa), and, when a Java 25 is found, the build Java 25 makes: an aot-jar with the
# AOT cache MainJourneyIT trained (pom.xml's aot-cache profile), built in a copy under target/aot-build so the
# Java 17 build stays as it is. Prod profile, the local PostgreSQL, bearer tokens checked against a key of our own
# (no OIDC provider to reach at start). The first run of each warms the disk cache and is reported too.
# Settings: RUNS (3), PORT, JAVA25 (a Java 25 `java`; found under /usr/lib/jvm if unset; "none" to skip),
# EXTRA_JAVA_OPTS (added to every run, to try JVM options), AOT_REUSE=1 (time the Java 25 build already in
# target/aot-build instead of building it again, to compare JVM options side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-3}
PORT=${PORT:-8096}
SCHEMA=mutualvote_start
WORK=target/start
mkdir -p "$WORK"
[ -f target/quarkus-app/app-cds.jsa ] || ./mvnw -B -q package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -q -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade"
java bench/LoadDriver.java keygen "$WORK"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"

source bench/start-runs.sh
start_runs "java -jar" target/quarkus-app java "$SCHEMA"
start_runs "java -jar + app-cds.jsa" target/quarkus-app java "$SCHEMA" -XX:SharedArchiveFile=app-cds.jsa

JAVA25=${JAVA25:-$(ls /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true)}
if [ -z "$JAVA25" ] || [ "$JAVA25" = none ]; then
  echo "no Java 25 (set JAVA25=/path/to/bin/java): the AOT cache is not measured"
  exit 0
fi
echo "$($JAVA25 -version 2>&1 | head -1): building the aot-jar and training its cache in target/aot-build"
if [ "${AOT_REUSE:-}" = 1 ] && [ -f target/aot-build/target/quarkus-app/app.aot ]; then
  echo "(the build already in target/aot-build, as AOT_REUSE=1 asks)"
else
  rm -rf target/aot-build && mkdir -p target/aot-build
  tar --exclude=./target --exclude=./.git -cf - . | tar -xf - -C target/aot-build
  (cd target/aot-build && JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA25")")") \
    ./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false > "$ROOT/$WORK/aot-build.log" 2>&1) \
    || { echo "the Java 25 build failed; see $WORK/aot-build.log" >&2; exit 1; }
fi
start_runs "java 25 + app.aot" target/aot-build/target/quarkus-app "$JAVA25" "$SCHEMA" -XX:AOTCache=app.aot
