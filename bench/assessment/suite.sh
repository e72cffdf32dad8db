# Sourced by ingest.sh and e2e.sh (not run): the running suite of deploy/local/run.sh (started when it is not),
# its URLs, tokens and the assessment database through psql, and the reference list of divisions.
#   PORT_BASE (default 8081): the suite's ports, registry PORT_BASE, assessment PORT_BASE + 1 (run.sh's PORT_BASE)
#   EMBEDDED_PG_PORT (default 55432), ASSESSMENT_DB (default assessment), DIVISIONS (county_level_divisions.csv)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIVISIONS=${DIVISIONS:-/work/shared/reference/china/county_level_divisions.csv}
[ -f "$DIVISIONS" ] || DIVISIONS="$ROOT/../shared/reference/china/county_level_divisions.csv"
PG_PORT=${EMBEDDED_PG_PORT:-55432}
DB=${ASSESSMENT_DB:-assessment}
PORT_BASE=${PORT_BASE:-8081}
export PORT_BASE
REG=http://127.0.0.1:$PORT_BASE/api/v1
SVC=http://127.0.0.1:$((PORT_BASE + 1))/api/v1
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 1; }
PSQL=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || command -v psql)
# grep reads the whole status (grep -q would stop early, run.sh would die of SIGPIPE, and pipefail would take that for
# "not running" and start, i.e. rebuild the jars under the running suite)
"$ROOT/deploy/local/run.sh" status 2>/dev/null | grep 'assessment-service *running' >/dev/null || "$ROOT/deploy/local/run.sh" >/dev/null
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { as_pg "$PSQL" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
READER=$("$ROOT/deploy/local/token.sh" reader)
EDITOR=$("$ROOT/deploy/local/token.sh" editor)
APPROVER=$("$ROOT/deploy/local/token.sh" approver)
ADMIN=$("$ROOT/deploy/local/token.sh" admin)
# the registry holds every county-level division (its national import, once: 110101 东城区 is the sign)
national_registry() {
  curl -fsS -o /dev/null -H "Authorization: Bearer $READER" "$REG/counties/110101" && return 0
  echo "registry: national import of $(basename "$DIVISIONS")..." >&2
  curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN" -H "Content-Type: text/csv" --data-binary @"$DIVISIONS" "$REG/divisions/import"
}
# $1 CSV of values (header countyCode,indicatorCode,value,source), $2 year, $3 output: the same rows as indicator_value rows
copy_rows() {
  tail -n +2 "$1" | awk -F, -v OFS=, -v y="$2" '{print $1, y, $2, $3, "true", $4, "", "2026-12-01T00:00:00Z"}' >"$3"
  chmod 644 "$3"
}
# $1 file of copy_rows: psql's \copy of it into indicator_value, in a transaction rolled back; prints the milliseconds
copy_ms() {
  printf '\\timing on\nBEGIN;\n\\copy indicator_value (county_code, year, indicator_code, value, synthetic, source, flag, updated_at) FROM %s WITH (FORMAT csv, NULL %s)\nROLLBACK;\n' \
    "'$1'" "''" | sql 2>&1 | awk '/^COPY/ {c = 1; next} c && /^Time:/ {print $2; exit}'
}
