#!/usr/bin/env bash
# Runs the whole suite on this machine: an embedded PostgreSQL (data kept under deploy/local/.run/)
# and the four services. Usage: deploy/local/run.sh [start|stop|status]
#
# Point a service at an existing PostgreSQL instead with its variable, e.g.
#   REGISTRY_DB_URL=jdbc:postgresql://db:5432/registry REGISTRY_DB_USER=app REGISTRY_DB_PASSWORD=... deploy/local/run.sh
# (ASSESSMENT_DB_*, ASSISTANCE_DB_*, REFORM_PILOT_DB_* likewise); when all four are given, no
# PostgreSQL is started.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE="$ROOT/deploy/local/.run"
PGDATA_DIR="$STATE/pgdata"
PG_PORT=${EMBEDDED_PG_PORT:-55432}
SERVICES=(county-registry-service assessment-service assistance-service reform-pilot-service)
# PORT_BASE moves the four HTTP ports (registry, assessment, assistance, reform-pilot = base .. base + 3), e.g. to run a
# second suite from another checkout beside one already on 8081-8084 (with its own EMBEDDED_PG_PORT)
PORT_BASE=${PORT_BASE:-8081}
# The services' maximum heap (the JVM grows to it only when needed: idle they hold far less, bench/startup/run.sh);
# 512 MB leaves room for a national assessment (2,978 counties) on this runner
MAX_HEAP=${MAX_HEAP:-512m}
declare -A PORT=([county-registry-service]=$PORT_BASE [assessment-service]=$((PORT_BASE + 1)) [assistance-service]=$((PORT_BASE + 2))
  [reform-pilot-service]=$((PORT_BASE + 3)))
declare -A PREFIX=([county-registry-service]=REGISTRY [assessment-service]=ASSESSMENT [assistance-service]=ASSISTANCE [reform-pilot-service]=REFORM_PILOT)
declare -A DBNAME=([county-registry-service]=county_registry [assessment-service]=assessment [assistance-service]=assistance [reform-pilot-service]=reform_pilot)

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  if [ -n "${PG_BIN_DIR:-}" ]; then echo "$PG_BIN_DIR"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian/Ubuntu: apt-get install -y postgresql) or set PG_BIN_DIR"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

needs_embedded_pg() {
  local s
  for s in "${SERVICES[@]}"; do
    local v="${PREFIX[$s]}_DB_URL"
    [ -z "${!v:-}" ] && return 0
  done
  return 1
}

start_pg() {
  local bin; bin=$(pg_bin)
  mkdir -p "$STATE"
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    say "Creating the embedded PostgreSQL cluster in $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR" "$STATE"
    as_pg "$bin/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$STATE/initdb.log" 2>&1 \
      || die "initdb failed, see $STATE/initdb.log"
  fi
  if as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    say "Embedded PostgreSQL already running on port $PG_PORT"
  else
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -l "$PGDATA_DIR/postgres.log" \
      -o "-p $PG_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
      || die "PostgreSQL did not start, see $PGDATA_DIR/postgres.log"
    say "Embedded PostgreSQL started on port $PG_PORT"
  fi
  local s
  for s in "${SERVICES[@]}"; do
    local db=${DBNAME[$s]}
    if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" postgres 2>/dev/null | grep -q 1; then
      as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" postgres
    fi
  done
}

# Development keys (git-ignored, made at first run): the user-token issuer's pair (token.sh signs with it; no
# service gets its private half), one pair per service (each signs only its own calls), and the JWKS of their
# public halves that every service trusts (kid "users" and kid = each service's name).
ensure_keys() {
  local k=$STATE/keys name
  mkdir -p "$k"
  command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the development keys"
  local made=0
  for name in users "${SERVICES[@]}"; do
    if [ ! -s "$k/$name.key.pem" ]; then
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$k/$name.key.pem" 2>/dev/null
      chmod 600 "$k/$name.key.pem"
      made=1
    fi
  done
  if [ "$made" = 1 ] || [ ! -s "$k/trusted-keys.jwks.json" ]; then
    local jwks="" n
    for name in users "${SERVICES[@]}"; do
      n=$(openssl pkey -in "$k/$name.key.pem" -pubout | openssl rsa -pubin -modulus -noout | sed 's/^Modulus=//' \
          | sed 's/../\\x&/g' | { read -r esc; printf '%b' "$esc"; } | openssl base64 -A | tr '+/' '-_' | tr -d '=')
      jwks+="${jwks:+,}{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"$name\",\"n\":\"$n\",\"e\":\"AQAB\"}"
    done
    printf '{"keys":[%s]}\n' "$jwks" >"$k/trusted-keys.jwks.json"
    say "Made development keys in $k (git-ignored): users (deploy/local/token.sh), one per service, and the JWKS"
  fi
}

build_if_stale() {
  local stale=0 s
  for s in "${SERVICES[@]}"; do
    local jar="$ROOT/$s/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$s/src/main" "$ROOT/$s/pom.xml" "$ROOT/api-conventions/src/main" \
         "$ROOT/api-conventions/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
      stale=1
    fi
  done
  if [ "$stale" = 1 ]; then
    say "Building (mvn -B -q package -DskipTests)..."
    (cd "$ROOT" && mvn -B -q package -DskipTests) || die "build failed"
  fi
}

# AppCDS: a class-data archive of the classes a service loads while starting, made by a training start of the
# freshly built jar: the JVM writes it at exit (-XX:ArchiveClassesAtExit); the service is started with its database
# and stopped (SIGTERM) once ready. Once per build (about one start's time); an archive serves only the JVM that
# made it, so it is made again when the jar or the java changes. Without it the services start all the same, slower
# (bench/README.md).
ensure_cds() {
  local s=$1 dir="$ROOT/$1/target/quarkus-app" p=${PREFIX[$1]} url user pass
  local jsa="$dir/app-cds.jsa" java_bin; java_bin=$(readlink -f "$(command -v java)")
  if [ -s "$jsa" ] && [ "$jsa" -nt "$dir/quarkus-run.jar" ] && [ "$jsa" -nt "$dir/app" ] && [ "$jsa" -nt "$java_bin" ]; then
    return
  fi
  url="${p}_DB_URL"; user="${p}_DB_USER"; pass="${p}_DB_PASSWORD"
  say "Making $s's class-data archive (AppCDS, once per build)"
  rm -f "$jsa"
  ( cd "$dir"
    export QUARKUS_DATASOURCE_JDBC_URL="${!url:-jdbc:postgresql://127.0.0.1:$PG_PORT/${DBNAME[$s]}}"
    export QUARKUS_DATASOURCE_USERNAME="${!user:-postgres}" QUARKUS_DATASOURCE_PASSWORD="${!pass:-}"
    export API_JWT_TRUSTED_KEYS="$STATE/keys/trusted-keys.jwks.json" API_SERVICE_SIGNING_KEY="$STATE/keys/$s.key.pem"
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} QUARKUS_HTTP_PORT="${PORT[$s]}"
    exec java @"$ROOT/deploy/jvm/service.options" -Xmx"$MAX_HEAP" -XX:ArchiveClassesAtExit=app-cds.jsa -jar quarkus-run.jar \
      >"$STATE/logs/$s.appcds" 2>&1 ) &
  local pid=$! deadline=$((SECONDS + 180))
  # live, not ready: the services are trained one by one, so assessment's registry copy cannot load yet and it would
  # never be ready; the classes of the start are loaded once it is live
  until curl -fsS "http://127.0.0.1:${PORT[$s]}/q/health/live" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || break
    [ $SECONDS -lt $deadline ] || break
    sleep 0.5
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -s "$jsa" ] || say "  (no archive made, see $STATE/logs/$s.appcds; $s starts without it)"
}

start_service() {
  local s=$1 port=${PORT[$1]} pidf="$STATE/$1.pid" log="$STATE/logs/$1.log"
  mkdir -p "$STATE/logs"
  if alive "$pidf"; then say "$s already running (pid $(cat "$pidf"))"; return; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is taken by another process; stop it or free the port before starting $s"
  fi
  local p=${PREFIX[$s]} url user pass
  url="${p}_DB_URL"; user="${p}_DB_USER"; pass="${p}_DB_PASSWORD"
  (
    export QUARKUS_DATASOURCE_JDBC_URL="${!url:-jdbc:postgresql://127.0.0.1:$PG_PORT/${DBNAME[$s]}}"
    export QUARKUS_DATASOURCE_USERNAME="${!user:-postgres}"
    export QUARKUS_DATASOURCE_PASSWORD="${!pass:-}"
    export API_JWT_TRUSTED_KEYS="$STATE/keys/trusted-keys.jwks.json"
    export API_SERVICE_SIGNING_KEY="$STATE/keys/$s.key.pem"
    # the README's demo path: the local runner enables the demo-data endpoints (off by default in production)
    export API_DEMO_DATA_ENABLED="${API_DEMO_DATA_ENABLED:-true}"
    export QUARKUS_LOG_FILE_ENABLED=true QUARKUS_LOG_FILE_PATH="$log"
    export QUARKUS_HTTP_PORT="$port"
    export REGISTRY_URL="${REGISTRY_URL:-http://localhost:${PORT[county-registry-service]}}"
    export ASSISTANCE_URL="${ASSISTANCE_URL:-http://localhost:${PORT[assistance-service]}}"
    export REFORM_PILOT_URL="${REFORM_PILOT_URL:-http://localhost:${PORT[reform-pilot-service]}}"
    cd "$ROOT/$s"
    # the services' JVM options (deploy/jvm/service.options, measured by bench/startup/run.sh), a heap of at most
    # MAX_HEAP, the
    # class-data archive (AppCDS) when there is one; JAVA_OPTS adds to them
    local cds=()
    [ -s target/quarkus-app/app-cds.jsa ] && cds=(-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa)
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
    nohup setsid java @"$ROOT/deploy/jvm/service.options" -Xmx"$MAX_HEAP" "${cds[@]}" ${JAVA_OPTS:-} \
      -jar target/quarkus-app/quarkus-run.jar >"$STATE/logs/$s.console" 2>&1 &
    echo $! >"$pidf"
  )
  say "Starting $s on port $port (log: ${log#$ROOT/})"
}

wait_ready() {
  local deadline=$((SECONDS + ${READY_TIMEOUT:-180})) s
  for s in "${SERVICES[@]}"; do
    local port=${PORT[$s]}
    until curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
      alive "$STATE/$s.pid" || die "$s exited; see $STATE/logs/$s.console"
      [ $SECONDS -lt $deadline ] || die "$s not ready after ${READY_TIMEOUT:-180}s; see $STATE/logs/$s.console"
      sleep 0.5
    done
  done
}

cmd_start() {
  command -v java >/dev/null 2>&1 || die "java (JDK 17) is required"
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is required"
  ensure_keys
  build_if_stale
  local t0; t0=$(date +%s%N)
  if needs_embedded_pg; then start_pg; fi
  local s
  mkdir -p "$STATE/logs"
  for s in "${SERVICES[@]}"; do ensure_cds "$s"; done
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  wait_ready
  local tenths=$(( ($(date +%s%N) - t0) / 100000000 ))
  say ""
  say "All four services are ready ($((tenths / 10)).$((tenths % 10)) s from start to all ready):"
  for s in "${SERVICES[@]}"; do
    printf '  %-24s http://localhost:%s/q/swagger-ui\n' "$s" "${PORT[$s]}"
  done
  say ""
  say "A token for Swagger UI's Authorize button or curl: deploy/local/token.sh reader"
  say "Stop everything: deploy/local/run.sh stop"
}

cmd_stop() {
  local s
  for s in "${SERVICES[@]}"; do
    local pidf="$STATE/$s.pid"
    if alive "$pidf"; then
      local pid; pid=$(cat "$pidf")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      say "Stopped $s"
    fi
    rm -f "$pidf"
  done
  if [ -s "$PGDATA_DIR/PG_VERSION" ]; then
    local bin; bin=$(pg_bin)
    if as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null && say "Stopped the embedded PostgreSQL"
    fi
  fi
}

cmd_status() {
  local s rc=0
  for s in "${SERVICES[@]}"; do
    if alive "$STATE/$s.pid"; then
      local h; h=$(curl -fsS "http://127.0.0.1:${PORT[$s]}/q/health/ready" 2>/dev/null | grep -o '"status": *"[A-Z]*"' | head -n 1 | grep -o '[A-Z]*"$' | tr -d '"' || true)
      printf '%-24s running (pid %s), port %s, ready: %s\n' "$s" "$(cat "$STATE/$s.pid")" "${PORT[$s]}" "${h:-no answer}"
    else
      printf '%-24s stopped\n' "$s"; rc=3
    fi
  done
  if [ -s "$PGDATA_DIR/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    printf '%-24s running, port %s\n' "embedded PostgreSQL" "$PG_PORT"
  else
    printf '%-24s stopped\n' "embedded PostgreSQL"
  fi
  return $rc
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
