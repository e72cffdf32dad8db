#!/usr/bin/env bash
# Benchmark: GET /api/v1/counties/{code} under load from a second process (wrk), beside the floor
# measured in the same run: the same row read straight from PostgreSQL by pgbench with as many
# clients. Reports throughput and p99 of both and their ratios.
#
#   bench/registry/run.sh                  # 8 connections, 20 s each, after a 15 s warm-up (WARMUP=)
#   CONNECTIONS=16 DURATION=30 bench/registry/run.sh
#
# Needs the suite running on this machine (deploy/local/run.sh; started here if it is not), wrk
# (apt-get install -y wrk) and pgbench (in the postgresql package). Traffic stays on 127.0.0.1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CODE=${CODE:-510522}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
THREADS=${THREADS:-2}
PG_PORT=${EMBEDDED_PG_PORT:-55432}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
report="$OUT/registry-$stamp.txt"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n 1 || command -v pgbench)
[ -x "$PGBENCH" ] || { echo "pgbench is missing: apt-get install -y postgresql" >&2; exit 1; }

"$ROOT/deploy/local/run.sh" status >/dev/null 2>&1 || "$ROOT/deploy/local/run.sh" >/dev/null
TOKEN=$("$ROOT/deploy/local/token.sh" reader)
URL="http://127.0.0.1:8081/api/v1/counties/$CODE"
curl -fsS -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null || { echo "the registry does not answer $URL" >&2; exit 1; }

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
work=$(mktemp -d); chmod 777 "$work"; trap 'rm -rf "$work"' EXIT
# the row the service answers from: the county's current version
echo "SELECT * FROM division WHERE code = '$CODE' AND valid_to IS NULL;" >"$work/select.sql"
chmod 644 "$work/select.sql"

echo "warm-up (${WARMUP} s each)..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
(cd "$work" && as_pg "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T "$WARMUP" -f select.sql county_registry >/dev/null)

echo "service: wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s $URL"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL" >"$work/wrk.txt"
svc_rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
svc_p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
svc_non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt"); svc_non2xx=${svc_non2xx:-0}

echo "floor: pgbench -c$CONNECTIONS -j$THREADS -T$DURATION (same row, straight from PostgreSQL)"
(cd "$work" && as_pg "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
  -f select.sql -l --log-prefix=pgb county_registry >"$work/pgbench.txt" 2>&1)
db_tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
db_p99=$(cat "$work"/pgb.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.3f", a[i]/1000}')

ratio_tp=$(awk -v a="$svc_rps" -v b="$db_tps" 'BEGIN {printf "%.3f", a/b}')
ratio_p99=$(awk -v a="$svc_p99" -v b="$db_p99" 'BEGIN {printf "%.2f", a/b}')
{
  echo "registry benchmark $stamp on $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB; $CONNECTIONS connections, ${DURATION}s"
  printf '%-44s %12s %10s\n' "" "req/s" "p99 ms"
  printf '%-44s %12.0f %10.3f\n' "GET /api/v1/counties/$CODE (wrk)" "$svc_rps" "$svc_p99"
  printf '%-44s %12.0f %10.3f\n' "same row from PostgreSQL (pgbench, floor)" "$db_tps" "$db_p99"
  printf '%-44s %12s %10s\n' "service / floor" "$ratio_tp" "${ratio_p99}x"
  echo "non-2xx answers from the service: $svc_non2xx"
} | tee "$report"
echo "raw output: wrk and pgbench summaries below; report kept in ${report#$ROOT/}"
cat "$work/wrk.txt" >>"$report"; cat "$work/pgbench.txt" >>"$report"
