#!/usr/bin/env bash
# What start-up costs before any of our own code: minimal Quarkus applications, each with one more group of the
# extensions this service uses, built with the same Quarkus and timed as bench/start.sh times the service (java -jar,
# Java 17, prod profile, the local PostgreSQL, tokens checked against a key of our own; the first answer on
# /q/health/live; RUNS runs after a first one). Each application has one JAX-RS resource and, from "flyway" on, one
# migration, from "orm" on one entity; it is generated under target/floor, never committed.
#   rest     quarkus-rest, quarkus-smallrye-health
#   oidc     + quarkus-rest-jackson, quarkus-oidc (bearer tokens)
#   jdbc     + quarkus-jdbc-postgresql (a connection pool, nothing migrated)
#   flyway   + quarkus-flyway (one migration)
#   orm      + quarkus-hibernate-orm-panache (one entity)
#   all      + quarkus-hibernate-validator, quarkus-smallrye-openapi, quarkus-micrometer-registry-prometheus,
#              quarkus-scheduler: every extension the service has
# Then the service itself, from target/quarkus-app, for the same runs in the same hour.
# Settings: RUNS (3), PORT, VARIANTS ("rest oidc jdbc flyway orm all"), EXTRA_JAVA_OPTS (added to every run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-3}
PORT=${PORT:-8097}
VARIANTS=${VARIANTS:-rest oidc jdbc flyway orm all}
SCHEMA=mutualvote_floor
WORK=target/floor
QUARKUS=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
mkdir -p "$WORK"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
java bench/LoadDriver.java keygen "$WORK"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1), Quarkus $QUARKUS"

extensions() {
  case $1 in
    rest) echo "quarkus-rest quarkus-smallrye-health" ;;
    oidc) echo "$(extensions rest) quarkus-rest-jackson quarkus-oidc" ;;
    jdbc) echo "$(extensions oidc) quarkus-jdbc-postgresql" ;;
    flyway) echo "$(extensions jdbc) quarkus-flyway" ;;
    orm) echo "$(extensions flyway) quarkus-hibernate-orm-panache" ;;
    all) echo "$(extensions orm) quarkus-hibernate-validator quarkus-smallrye-openapi quarkus-micrometer-registry-prometheus quarkus-scheduler" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

generate() { # variant directory
  local variant=$1 dir=$2 deps="" ext
  for ext in $(extensions "$variant"); do
    deps="$deps<dependency><groupId>io.quarkus</groupId><artifactId>$ext</artifactId></dependency>"
  done
  case " $(extensions "$variant") " in *" quarkus-flyway "*)
    deps="$deps<dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId></dependency>" ;;
  esac
  rm -rf "$dir" && mkdir -p "$dir/src/main/java/floor" "$dir/src/main/resources/db/migration"
  cat > "$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>floor</groupId><artifactId>floor-$variant</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QUARKUS</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>$deps</dependencies>
  <build><plugins><plugin><groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId>
    <version>$QUARKUS</version><extensions>true</extensions><executions><execution><goals><goal>build</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
EOF
  cat > "$dir/src/main/java/floor/Hello.java" <<'EOF'
package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
EOF
  touch "$dir/src/main/resources/application.properties"
  case " $(extensions "$variant") " in *" quarkus-jdbc-postgresql "*)
    echo "quarkus.datasource.username=postgres" >> "$dir/src/main/resources/application.properties" ;;
  esac
  case " $(extensions "$variant") " in *" quarkus-flyway "*)
    echo "create table item (id bigint primary key, name text);" > "$dir/src/main/resources/db/migration/V1__item.sql"
    echo "quarkus.flyway.migrate-at-start=true" >> "$dir/src/main/resources/application.properties" ;;
  esac
  case " $(extensions "$variant") " in *" quarkus-hibernate-orm-panache "*)
    cat > "$dir/src/main/java/floor/Item.java" <<'EOF'
package floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Item {
    @Id
    public Long id;
    public String name;
}
EOF
    echo "quarkus.hibernate-orm.schema-management.strategy=none" >> "$dir/src/main/resources/application.properties" ;;
  esac
}

source bench/start-runs.sh
time_runs() { # label directory schema (dropped first: the first run migrates it, as in bench/start.sh)
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "set client_min_messages = warning; drop schema if exists $3 cascade"
  start_runs "$1" "$2" java "$3"
}

for variant in $VARIANTS; do
  generate "$variant" "$WORK/$variant"
  ./mvnw -B -q -o -f "$WORK/$variant/pom.xml" package -DskipTests > "$WORK/$variant.build.log" 2>&1 \
    || ./mvnw -B -q -f "$WORK/$variant/pom.xml" package -DskipTests > "$WORK/$variant.build.log" 2>&1 \
    || { echo "building $variant failed; see $WORK/$variant.build.log" >&2; exit 1; }
  time_runs "minimal: $variant" "$WORK/$variant/target/quarkus-app" "${SCHEMA}_$variant"
done
time_runs "the service (target/quarkus-app)" target/quarkus-app "$SCHEMA"
