#!/usr/bin/env bash
# Runs the whole suite on this machine: an embedded PostgreSQL (data kept under deploy/local/.run/)
# and the four services. Usage: deploy/local/run.sh [start|stop|status] [--replicas N]
#
# --replicas N (1 to 9, default 1) starts N instances of each service, replica r of a service on its usual port +
# r * 100 (8181-8184, 8281-8284, ...), behind HAProxy (Debian: apt-get install -y haproxy), which listens on the usual
# ports 8081-8084, sends traffic only to replicas whose /q/health/ready is UP and retries what is safe to retry
# (deploy/local/haproxy.cfg says what and why); the services call each other through it. Its configuration is written
# to deploy/local/.run/haproxy.cfg at each start, its statistics are on http://127.0.0.1:8180/stats (PORT_BASE + 99).
# `status` and `stop` find the replicas and the balancer by themselves.
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
# Replica r of a service listens on its port + r * REPLICA_PORT_STEP (--replicas above 1 only)
REPLICA_PORT_STEP=${REPLICA_PORT_STEP:-100}
STATS_PORT=${HAPROXY_STATS_PORT:-$((PORT_BASE + 99))}
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

REPLICAS=1
CMD=start
while [ $# -gt 0 ]; do
  case "$1" in
    start | stop | status) CMD=$1 ;;
    --replicas) [ $# -ge 2 ] || die "--replicas needs a number"; REPLICAS=$2; shift ;;
    --replicas=*) REPLICAS=${1#--replicas=} ;;
    *) die "usage: $0 [start|stop|status] [--replicas N]" ;;
  esac
  shift
done
[[ "$REPLICAS" =~ ^[1-9]$ ]] || die "--replicas takes a number from 1 to 9, not '$REPLICAS'"

# An instance is "<service>" (one instance: the service's own port) or "<service>.<r>" (replica r, behind HAProxy);
# its pid and port are kept in $STATE/<instance>.pid and .port
instances_of() {
  local s=$1 r
  if [ "$REPLICAS" = 1 ]; then echo "$s"; else for r in $(seq 1 "$REPLICAS"); do echo "$s.$r"; done; fi
}
instance_port() {
  local s=${1%%.*} base
  base=${PORT[$s]}
  if [ "$1" = "$s" ]; then echo "$base"; else echo $((base + ${1#*.} * REPLICA_PORT_STEP)); fi
}
# the instances that have a pid file, whatever --replicas says (for status and stop)
started_instances() {
  local s=$1 f
  for f in "$STATE/$s.pid" "$STATE/$s".[0-9]*.pid; do
    [ -e "$f" ] && basename "$f" .pid
  done
  return 0
}

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
  . "$ROOT/deploy/local/keys.sh"
  local made; made=$(make_keys "$STATE/keys" users "${SERVICES[@]}") || die "could not make the development keys"
  [ -z "$made" ] || say "Made development keys in $STATE/keys (git-ignored): users (deploy/local/token.sh), one per service, and the JWKS"
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

start_instance() {
  local i=$1 s=${1%%.*} port pidf="$STATE/$1.pid" log="$STATE/logs/$1.log"
  port=$(instance_port "$i")
  mkdir -p "$STATE/logs"
  if alive "$pidf"; then say "$i already running (pid $(cat "$pidf"))"; return; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is taken by another process; stop it or free the port before starting $i"
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
      -jar target/quarkus-app/quarkus-run.jar >"$STATE/logs/$i.console" 2>&1 &
    echo $! >"$pidf"
    echo "$port" >"$STATE/$i.port"
  )
  say "Starting $i on port $port (log: ${log#$ROOT/})"
}

haproxy_bin() {
  command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; } \
    || die "--replicas needs HAProxy: install it (Debian/Ubuntu: apt-get install -y haproxy)"
}

# The balancer of the replicas: deploy/local/haproxy.cfg (what every service shares, and why its retries are safe)
# and one section per service written here, with the rule that only GET/HEAD/OPTIONS and creates with an
# Idempotency-Key are retried once sent
start_haproxy() {
  local bin cfg=$STATE/haproxy.cfg pidf=$STATE/haproxy.pid s i
  bin=$(haproxy_bin)
  if alive "$pidf"; then say "HAProxy already running (pid $(cat "$pidf"))"; return; fi
  for s in "${SERVICES[@]}" stats; do
    local port=$STATS_PORT
    [ "$s" = stats ] || port=${PORT[$s]}
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is taken by another process; stop it or free the port before starting HAProxy"
    fi
  done
  {
    echo "# written by deploy/local/run.sh --replicas $REPLICAS at every start; read with deploy/local/haproxy.cfg"
    echo "listen stats"
    echo "    bind 127.0.0.1:$STATS_PORT"
    echo "    stats enable"
    echo "    stats uri /stats"
    for s in "${SERVICES[@]}"; do
      echo ""
      echo "listen $s"
      echo "    bind :${PORT[$s]}"
      echo "    http-request disable-l7-retry if !{ method GET HEAD OPTIONS } !{ req.hdr(Idempotency-Key) -m found }"
      for i in $(instances_of "$s"); do
        echo "    server r${i#*.} 127.0.0.1:$(instance_port "$i") check"
      done
    done
  } >"$cfg"
  "$bin" -c -q -f "$ROOT/deploy/local/haproxy.cfg" -f "$cfg" || die "HAProxy refused $cfg"
  nohup setsid "$bin" -db -f "$ROOT/deploy/local/haproxy.cfg" -f "$cfg" >"$STATE/logs/haproxy.log" 2>&1 &
  echo $! >"$pidf"
  say "Starting HAProxy on ports ${PORT[county-registry-service]}-${PORT[reform-pilot-service]} (statistics: http://127.0.0.1:$STATS_PORT/stats)"
}

# "service/rN STATUS" for every server HAProxy balances, from its CSV statistics
haproxy_servers() {
  curl -fsS "http://127.0.0.1:$STATS_PORT/stats;csv" 2>/dev/null | awk -F, '$2 != "FRONTEND" && $2 != "BACKEND" && $1 != "stats" && $1 !~ /^#/ { print $1 "/" $2, $18 }'
}

wait_ready() {
  local deadline=$((SECONDS + ${READY_TIMEOUT:-180})) s i
  for s in "${SERVICES[@]}"; do
    for i in $(instances_of "$s"); do
      local port; port=$(instance_port "$i")
      until curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
        alive "$STATE/$i.pid" || die "$i exited; see $STATE/logs/$i.console"
        [ $SECONDS -lt $deadline ] || die "$i not ready after ${READY_TIMEOUT:-180}s; see $STATE/logs/$i.console"
        sleep 0.5
      done
    done
  done
  [ "$REPLICAS" = 1 ] && return
  # the balancer sends traffic to a replica once its own check has seen it ready
  until [ "$(haproxy_servers | grep -c ' UP$')" = $((REPLICAS * ${#SERVICES[@]})) ]; do
    alive "$STATE/haproxy.pid" || die "HAProxy exited; see $STATE/logs/haproxy.log"
    [ $SECONDS -lt $deadline ] || die "HAProxy does not see every replica UP after ${READY_TIMEOUT:-180}s: $(haproxy_servers | tr '\n' ' ')"
    sleep 0.5
  done
}

cmd_start() {
  command -v java >/dev/null 2>&1 || die "java (JDK 17) is required"
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is required"
  ensure_keys
  build_if_stale
  local t0; t0=$(date +%s%N)
  if needs_embedded_pg; then start_pg; fi
  local s i running
  mkdir -p "$STATE/logs"
  # one layout at a time: the instances running now must be the ones asked for
  for s in "${SERVICES[@]}"; do
    for i in $(started_instances "$s"); do
      if alive "$STATE/$i.pid" && [[ " $(instances_of "$s" | tr '\n' ' ') " != *" $i "* ]]; then
        die "$i is running: stop the running suite first (deploy/local/run.sh stop) to start it with --replicas $REPLICAS"
      fi
    done
  done
  for s in "${SERVICES[@]}"; do ensure_cds "$s"; done
  [ "$REPLICAS" = 1 ] || start_haproxy
  for s in "${SERVICES[@]}"; do
    for i in $(instances_of "$s"); do start_instance "$i"; done
  done
  wait_ready
  local tenths=$(( ($(date +%s%N) - t0) / 100000000 ))
  say ""
  if [ "$REPLICAS" = 1 ]; then
    say "All four services are ready ($((tenths / 10)).$((tenths % 10)) s from start to all ready):"
  else
    say "All $((REPLICAS * ${#SERVICES[@]})) instances ($REPLICAS of each service) and HAProxy are ready ($((tenths / 10)).$((tenths % 10)) s from start to all ready); through the balancer:"
  fi
  for s in "${SERVICES[@]}"; do
    printf '  %-24s http://localhost:%s/q/swagger-ui\n' "$s" "${PORT[$s]}"
  done
  say ""
  say "A token for Swagger UI's Authorize button or curl: deploy/local/token.sh reader"
  say "Stop everything: deploy/local/run.sh stop"
}

stop_pid() {
  local pidf=$1 what=$2
  if alive "$pidf"; then
    local pid; pid=$(cat "$pidf")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    say "Stopped $what"
  fi
  rm -f "$pidf"
}

cmd_stop() {
  local s i
  # the balancer first: no request reaches a replica that is stopping
  stop_pid "$STATE/haproxy.pid" HAProxy
  for s in "${SERVICES[@]}"; do
    for i in $(started_instances "$s"); do
      stop_pid "$STATE/$i.pid" "$i" &
    done
  done
  wait
  rm -f "$STATE"/*.port
  if [ -s "$PGDATA_DIR/PG_VERSION" ]; then
    local bin; bin=$(pg_bin)
    if as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null && say "Stopped the embedded PostgreSQL"
    fi
  fi
}

cmd_status() {
  local s i rc=0
  for s in "${SERVICES[@]}"; do
    local found=0
    for i in $(started_instances "$s"); do
      found=1
      if alive "$STATE/$i.pid"; then
        local port h
        port=$(cat "$STATE/$i.port" 2>/dev/null || instance_port "$i")
        h=$(curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -o '"status": *"[A-Z]*"' | head -n 1 | grep -o '[A-Z]*"$' | tr -d '"' || true)
        printf '%-26s running (pid %s), port %s, ready: %s\n' "$i" "$(cat "$STATE/$i.pid")" "$port" "${h:-no answer}"
      else
        printf '%-26s stopped\n' "$i"; rc=3
      fi
    done
    [ "$found" = 1 ] || { printf '%-26s stopped\n' "$s"; rc=3; }
  done
  if [ -e "$STATE/haproxy.pid" ]; then
    if alive "$STATE/haproxy.pid"; then
      printf '%-26s running (pid %s), ports %s-%s, statistics http://127.0.0.1:%s/stats\n' HAProxy "$(cat "$STATE/haproxy.pid")" \
        "${PORT[county-registry-service]}" "${PORT[reform-pilot-service]}" "$STATS_PORT"
      haproxy_servers | sed "s/^/  balancing /" || true
    else
      printf '%-26s stopped\n' HAProxy; rc=3
    fi
  fi
  if [ -s "$PGDATA_DIR/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    printf '%-26s running, port %s\n' "embedded PostgreSQL" "$PG_PORT"
  else
    printf '%-26s stopped\n' "embedded PostgreSQL"
  fi
  return $rc
}

case "$CMD" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
esac
