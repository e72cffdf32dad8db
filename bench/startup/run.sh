#!/usr/bin/env bash
# Start-up bench (issue 15): starts each service alone from its packaged quarkus-app against a warm PostgreSQL
# and reports the time from `java` to the first 200 of /q/health/ready, and the resident memory (VmRSS) once idle
# after ready, for two JVM configurations:
#   default  the JVM's own defaults (what deploy/local/run.sh ran before issue 15: no options)
#   lean     the options of deploy/jvm/service.options (SerialGC, initial heap, ...) with -Xmx256m and
#            MALLOC_ARENA_MAX=2 (as deploy/local/run.sh and the image set them), plus AppCDS: a class-data archive made
#            once per service by a training start (java -XX:ArchiveClassesAtExit, stopped once ready), then
#            -XX:SharedArchiveFile
# beside a bare Quarkus application measured the same way in the same run: an application built in the bench's
# temporary directory from the same Quarkus BOM with only quarkus-rest and quarkus-smallrye-health (one endpoint;
# no database, no security, no OpenAPI).
#
#   bench/startup/run.sh                 # 3 starts per service and configuration (RUNS=5 for more)
#   SERVICES="county-registry-service" CONFIGS=lean RUNS=5 bench/startup/run.sh
#   BARE= LEAN_EXTRA="-XX:TieredStopAtLevel=1" CONFIGS=lean bench/startup/run.sh   # no bare app; try an option
# RSS is VmRSS, with its anonymous part (heap, metaspace, code, threads) and its file-backed part (the jars' and the
# JDK's mapped pages, the class-data archive: shared with every process that maps the same files).
#
# Targets (issue 15): start to ready < 3 s, RSS idle < 200 MB. The machine is shared: the load average is printed
# before and after; medians are reported with every run's figures. Needs the services packaged
# (mvn -B package -DskipTests), a JDK, Maven (offline is enough for the bare application) and the PostgreSQL server
# binaries. Everything it starts listens on 127.0.0.1 and is stopped at the end; results go to bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-3}
IDLE_SECONDS=${IDLE_SECONDS:-5}
CONFIGS=${CONFIGS:-"default lean"}
SERVICES=${SERVICES:-"county-registry-service assessment-service assistance-service reform-pilot-service"}
PG_PORT=${BENCH_PG_PORT:-55532}
OUT="$ROOT/bench/results"; mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$OUT/startup-$stamp.txt"
WORK=$(mktemp -d /tmp/bench-startup.XXXXXX)
# ports of their own (BENCH_PORT_BASE + 1..4, + 9 for the bare application), so that the bench runs beside a suite
# started by deploy/local/run.sh
B=${BENCH_PORT_BASE:-38080}
declare -A PORT=([county-registry-service]=$((B + 1)) [assessment-service]=$((B + 2)) [assistance-service]=$((B + 3)) [reform-pilot-service]=$((B + 4)) [bare-quarkus]=$((B + 9)))
# the registry the measured followers read their copy from: a separate instance (port B + 5, database of its own),
# started once and left running, like the warm PostgreSQL; not measured
DEP_REGISTRY_PORT=$((B + 5))
declare -A DBNAME=([county-registry-service]=county_registry [assessment-service]=assessment [assistance-service]=assistance [reform-pilot-service]=reform_pilot)
PIDS=()

say() { printf '%s\n' "$*" | tee -a "$report"; }
die() { printf 'bench/startup: %s\n' "$*" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found (apt-get install -y postgresql)"

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  [ -s "$WORK/pgdata/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

for s in $SERVICES; do
  [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || die "$s is not packaged: mvn -B package -DskipTests"
  (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$s]}") 2>/dev/null && die "port ${PORT[$s]} is taken"
done

# --- a warm PostgreSQL: started, the databases made and migrated by a first start of each service ---
mkdir -p "$WORK/pgdata"; [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$WORK/pgdata"
as_pg "$PGBIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -w -l "$WORK/pgdata/log" -o "-p $PG_PORT -k $WORK/pgdata -c listen_addresses=127.0.0.1" start >/dev/null
for s in $SERVICES; do
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ${DBNAME[$s]} TEMPLATE template0 ENCODING 'UTF8'" postgres
done
as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE registry_dependency TEMPLATE template0 ENCODING 'UTF8'" postgres

# --- keys: one per service and the JWKS of their public halves (deploy/local/keys.sh, as deploy/local/run.sh makes
# them): the followers sign their calls to the dependency registry, which trusts the JWKS ---
. "$ROOT/deploy/local/keys.sh"
make_keys "$WORK/keys" county-registry-service assessment-service assistance-service reform-pilot-service >/dev/null

# --- the bare Quarkus application, from the same BOM ---
build_bare() {
  local d="$WORK/bare"
  mkdir -p "$d/src/main/java/bench" "$d/src/main/resources"
  local qv; qv=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml")
  cat >"$d/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bare-quarkus</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId>
    <version>$qv</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$qv</version>
      <extensions>true</extensions><executions><execution><goals><goal>build</goal></goals></execution></executions></plugin>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
  </plugins></build>
</project>
POM
  cat >"$d/src/main/java/bench/Hello.java" <<'JAVA'
package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
JAVA
  echo "quarkus.http.port=${PORT[bare-quarkus]}" >"$d/src/main/resources/application.properties"
  (cd "$d" && { mvn -B -q -o package -DskipTests >"$WORK/bare-build.log" 2>&1 || mvn -B -q package -DskipTests >"$WORK/bare-build.log" 2>&1; }) \
    || die "the bare application did not build; see $WORK/bare-build.log"
}

app_dir() { if [ "$1" = bare-quarkus ]; then echo "$WORK/bare/target/quarkus-app"; else echo "$ROOT/$1/target/quarkus-app"; fi; }

# the environment of one application's start
app_env() {
  export QUARKUS_HTTP_PORT=${PORT[$1]}
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${DBNAME[$1]:-none}"
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
  export API_JWT_TRUSTED_KEYS="$WORK/keys/trusted-keys.jwks.json" API_SERVICE_SIGNING_KEY="$WORK/keys/$1.key.pem"
  export REGISTRY_URL=http://127.0.0.1:$DEP_REGISTRY_PORT ASSISTANCE_URL=http://127.0.0.1:$((B + 3)) REFORM_PILOT_URL=http://127.0.0.1:$((B + 4))
}

# until the application answers 200 on /q/health/ready (dies if it exits or takes READY_TIMEOUT s, default 300)
await_ready() {
  local s=$1 pid=$2 log=$3 deadline=$((SECONDS + ${READY_TIMEOUT:-300}))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$s]}/q/health/ready" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "$s exited; log above"; }
    [ $SECONDS -lt $deadline ] || die "$s not ready after ${READY_TIMEOUT:-300} s; see $log"
    sleep 0.02
  done
}

# The class-data archive of one application (AppCDS), made once per run: it belongs to this JDK and this jar. A
# training start with the lean options writes at exit (-XX:ArchiveClassesAtExit) the classes it loaded: started
# with its database, stopped (SIGTERM) once ready. (Quarkus' own -Dquarkus.appcds.generate=true exits by itself only
# in a jar built with quarkus.package.jar.appcds.enabled; these are not.)
cds_archive() {
  local s=$1 a="$WORK/cds/$1.jsa" dir; dir=$(app_dir "$1")
  mkdir -p "$WORK/cds"
  if [ ! -s "$a" ]; then
    ( cd "$dir"; app_env "$s"; export MALLOC_ARENA_MAX=2
      exec java "@$ROOT/deploy/jvm/service.options" -Xmx256m -XX:ArchiveClassesAtExit="$a" -jar quarkus-run.jar \
        >"$WORK/cds/$s.log" 2>&1 ) &
    local pid=$!; PIDS+=("$pid")
    await_ready "$s" "$pid" "$WORK/cds/$s.log"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    [ -s "$a" ] || die "no class-data archive for $s; see $WORK/cds/$s.log"
  fi
  echo "$a"
}

jvm_options() {
  case "$1" in
    default) ;;
    # the heap as deploy/local/run.sh sets it (the image sets a percentage of its memory limit instead)
    lean) printf '%s\n' "@$ROOT/deploy/jvm/service.options" "-Xmx256m" "-XX:SharedArchiveFile=$(cds_archive "$2")" ${LEAN_EXTRA:-} ;;
  esac
}

# one start: prints "<ms to ready> <RSS kB idle>/<of which anonymous>/<of which file-backed>"
start_once() {
  local s=$1 config=$2 dir port log; dir=$(app_dir "$s"); port=${PORT[$s]}; log="$WORK/$s-$config.log"
  local -a opts; mapfile -t opts < <(jvm_options "$config" "$s")
  local t0; t0=$(date +%s%N)
  ( cd "$dir"; app_env "$s"
    [ "$config" = lean ] && export MALLOC_ARENA_MAX=2
    exec java "${opts[@]}" -jar quarkus-run.jar >"$log" 2>&1 ) &
  local pid=$!; PIDS+=("$pid")
  await_ready "$s" "$pid" "$log"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep "$IDLE_SECONDS"
  local rss; rss=$(awk '/^VmRSS:/ {r=$2} /^RssAnon:/ {a=$2} /^RssFile:/ {f=$2} END {print r "/" a "/" f}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

say "Start-up bench, $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -n 1)"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "lean options: $(grep -v '^#' "$ROOT/deploy/jvm/service.options" | tr '\n' ' ')-Xmx256m MALLOC_ARENA_MAX=2 + AppCDS"
[ "${BARE-bare-quarkus}" = "" ] || build_bare
# The followers (assessment, assistance, reform-pilot) are ready once their copy of the registry's facts is loaded:
# the first start of each loads it from the dependency registry; later starts find it in their database.
if [ -n "$(printf '%s\n' $SERVICES | grep -v '^county-registry-service$')" ]; then
  [ -f "$ROOT/county-registry-service/target/quarkus-app/quarkus-run.jar" ] || die "county-registry-service is not packaged (the followers need it)"
  ( cd "$ROOT/county-registry-service/target/quarkus-app"; app_env county-registry-service
    export QUARKUS_HTTP_PORT=$DEP_REGISTRY_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/registry_dependency"
    exec java "@$ROOT/deploy/jvm/service.options" -Xmx256m -jar quarkus-run.jar >"$WORK/dependency-registry.log" 2>&1 ) &
  PIDS+=("$!")
  PORT[dependency-registry]=$DEP_REGISTRY_PORT
  await_ready dependency-registry "$!" "$WORK/dependency-registry.log"
fi
for s in $SERVICES; do start_once "$s" default >/dev/null; done   # migrations applied: the database is warm
say ""
printf '%-24s %-8s %9s %8s %6s %6s  %-14s %s\n' application config "ready ms" "RSS MB" "anon" "file" "targets" "each run (ms/MB)" | tee -a "$report"
for s in ${BARE-bare-quarkus} $SERVICES; do
  for c in $CONFIGS; do
    [ "$c" = lean ] && cds_archive "$s" >/dev/null
    start_once "$s" "$c" >/dev/null   # a first start after a switch: the page cache holds this configuration's files
    runs=()
    for _ in $(seq 1 "$RUNS"); do runs+=("$(start_once "$s" "$c")"); done
    ms=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)
    kb=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | cut -d/ -f1 | median)
    anon=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | cut -d/ -f2 | median)
    file=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | cut -d/ -f3 | median)
    each=$(printf '%s\n' "${runs[@]}" | awk '{split($2, m, "/"); printf "%s%d/%d", (NR>1?" ":""), $1, m[1]/1024}')
    verdict="$([ "$ms" -lt 3000 ] && echo "<3s" || echo "3s+")/$([ $((kb / 1024)) -lt 200 ] && echo "<200MB" || echo "200MB+")"
    printf '%-24s %-8s %9d %8d %6d %6d  %-14s %s\n' "$s" "$c" "$ms" $((kb / 1024)) $((anon / 1024)) $((file / 1024)) "$verdict" "$each" | tee -a "$report"
  done
done
say ""
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "targets: ready < 3000 ms, RSS < 200 MB (report: ${report#$ROOT/})"
