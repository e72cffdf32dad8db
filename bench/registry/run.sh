#!/usr/bin/env bash
# Benchmark of the registry's read paths (issue 14): each read under load from a second process
# (wrk), beside its floor measured in the same run: the equivalent SQL straight from PostgreSQL by
# pgbench with as many clients. At 8 and at 32 connections (CONNECTIONS="8 32"), for
#   county        GET /api/v1/counties/510522                       vs  the county's current row
#   regions       GET /api/v1/regions                               vs  regions with prefectures and county counts
#   prefectures   GET /api/v1/prefectures?size=100                  vs  prefectures with county counts
#   categories    GET /api/v1/category-assignments?year=2018&size=500   vs  those rows with county names
#   designations  GET /api/v1/designations?type=UNDERDEVELOPED_COUNTY&size=100  vs  those rows with county names
# and prints each throughput ratio (service / floor; the issue asks >= 1.0 for the county read,
# >= 0.5 for the lists) and p99s.
#
#   bench/registry/run.sh                        # 10 s per measurement after a 10 s warm-up each
#   DURATION=20 CONNECTIONS="8" READS="county regions" bench/registry/run.sh
#
# Needs the suite running on this machine (deploy/local/run.sh; started here if it is not), wrk
# (apt-get install -y wrk) and pgbench (in the postgresql package). Traffic stays on 127.0.0.1.
# Run it on an otherwise idle machine: wrk, pgbench, PostgreSQL and the service share its cores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CODE=${CODE:-510522}
CONNECTIONS=${CONNECTIONS:-"8 32"}
READS=${READS:-"county regions prefectures categories designations"}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
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
BASE="http://127.0.0.1:8081/api/v1"
TODAY=$(TZ=Asia/Shanghai date +%F)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
work=$(mktemp -d); chmod 777 "$work"; trap 'rm -rf "$work"' EXIT

valid() { echo "$1.valid_from <= DATE '$TODAY' AND ($1.valid_to IS NULL OR $1.valid_to > DATE '$TODAY')"; }
declare -A URL SQL
URL[county]="$BASE/counties/$CODE"
SQL[county]="SELECT * FROM division WHERE code = '$CODE' AND valid_to IS NULL;"
URL[regions]="$BASE/regions"
SQL[regions]="SELECT r.code, r.name_zh, p.code, p.name_zh, count(c.id) FROM region r
  LEFT JOIN division p ON p.region_code = r.code AND p.level = 'PREFECTURE' AND $(valid p)
  LEFT JOIN division c ON c.parent_code = p.code AND c.level = 'COUNTY' AND $(valid c)
  GROUP BY r.code, r.name_zh, p.code, p.name_zh ORDER BY r.code, p.code;"
URL[prefectures]="$BASE/prefectures?size=100"
SQL[prefectures]="SELECT p.*, count(c.id) FROM division p
  LEFT JOIN division c ON c.parent_code = p.code AND c.level = 'COUNTY' AND $(valid c)
  WHERE p.level = 'PREFECTURE' AND $(valid p) GROUP BY p.id ORDER BY p.code LIMIT 100;"
URL[categories]="$BASE/category-assignments?year=2018&size=500"
SQL[categories]="SELECT a.*, (SELECT d.name_zh FROM division d WHERE d.code = a.county_code ORDER BY d.valid_from DESC LIMIT 1)
  FROM category_assignment a WHERE a.year = 2018 AND a.ended_on IS NULL ORDER BY a.id LIMIT 500;"
URL[designations]="$BASE/designations?type=UNDERDEVELOPED_COUNTY&size=100"
SQL[designations]="SELECT g.*, (SELECT d.name_zh FROM division d WHERE d.code = g.county_code ORDER BY d.valid_from DESC LIMIT 1)
  FROM designation g WHERE g.type_code = 'UNDERDEVELOPED_COUNTY' ORDER BY g.id LIMIT 100;"

p99_ms() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$1"; }

{
  echo "registry benchmark $stamp on $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg); ${DURATION}s per measurement"
  printf '%-13s %5s %12s %9s %12s %9s %8s %8s\n' read conns "service/s" "p99 ms" "pgbench tps" "p99 ms" ratio "p99 x"
} | tee "$report"
for read in $READS; do
  url=${URL[$read]}
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" || { echo "the registry does not answer $url" >&2; exit 1; }
  printf '%s\n' "${SQL[$read]}" >"$work/$read.sql"; chmod 644 "$work/$read.sql"
  for c in $CONNECTIONS; do
    wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$url" >"$work/wrk-$read-$c.txt"
    svc=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$read-$c.txt")
    svc_p99=$(p99_ms "$work/wrk-$read-$c.txt")
    non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk-$read-$c.txt"); non2xx=${non2xx:-0}
    rm -f "$work"/pgb.*
    (cd "$work" && as_pg "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$c" -j "$THREADS" -T "$WARMUP" -f "$read.sql" county_registry >/dev/null 2>&1)
    (cd "$work" && as_pg "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$c" -j "$THREADS" -T "$DURATION" \
      -f "$read.sql" -l --log-prefix=pgb county_registry >"$work/pgbench-$read-$c.txt" 2>&1)
    db=$(awk '/^tps/ {print $3; exit}' "$work/pgbench-$read-$c.txt")
    db_p99=$(cat "$work"/pgb.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.3f", a[i]/1000}')
    ratio=$(awk -v a="$svc" -v b="$db" 'BEGIN {printf "%.2f", a/b}')
    ratio_p99=$(awk -v a="$svc_p99" -v b="$db_p99" 'BEGIN {printf "%.1f", a/b}')
    printf '%-13s %5s %12.0f %9.3f %12.0f %9.3f %8s %8s%s\n' "$read" "$c" "$svc" "$svc_p99" "$db" "$db_p99" "$ratio" "$ratio_p99" \
      "$([ "$non2xx" = 0 ] || echo "  ($non2xx non-2xx!)")" | tee -a "$report"
  done
done
echo "ratio = service req/s / pgbench tps of the equivalent SQL, same connections, same run; report kept in ${report#$ROOT/}"
for f in "$work"/wrk-*.txt "$work"/pgbench-*.txt; do echo "== $(basename "$f")"; cat "$f"; done >>"$report"
