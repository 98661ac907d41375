#!/usr/bin/env bash
# JMH benchmark of the counting engine in-process: the synthetic elections of 100k and 1M ballots that
# bench/SyntheticBlt.java writes (15 candidates, 5 seats), each count in its own 500 MB heap. Extra arguments go to JMH, e.g. -p rule=meek -p ballots=1000000.
set -euo pipefail
cd "$(dirname "$0")/.."
for n in 100000 1000000; do
  [ -f "target/recount/$n.blt" ] || { mkdir -p target/recount && java bench/SyntheticBlt.java "$n" "target/recount/$n.blt"; }
done
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main CountBenchmark \
  -f 1 -wi 1 -i 3 -jvmArgs "-Xmx500m -Xms500m" "$@"
