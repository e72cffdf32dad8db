#!/usr/bin/env bash
# Benchmark of assessment-service's bulk ingest (POST /api/v1/data/{year}/values, text/csv) against
# the running suite of deploy/local/run.sh (started here if it is not), beside the floor measured in
# the same run: psql's \copy of the same rows into the same table (indicator_value, same indexes and
# keys), in a transaction rolled back, before the service writes that year. Prints rows/s of both and
# the ratio (issue 13 target: service / COPY >= 0.5), the median of REPEAT runs each.
#
#   bench/assessment/ingest.sh               # province (183 x 27) and national (2,978 x 27), 3 runs each
#   NATIONAL=0 REPEAT=5 bench/assessment/ingest.sh
#
# The national case needs the registry to hold every county-level division: when 110101 (东城区) is
# unknown to it, the registry's national import (POST /divisions/import, admin) of
# county_level_divisions.csv is run first; this changes the local suite's registry data for good.
# Values are synthetic (each indicator's mid-range, whole numbers for counts) and marked so in
# `source`. The years used (2090-2099) belong to this script: their values and workflow states
# are deleted before and after. The database is the suite's scratch PostgreSQL only.
set -euo pipefail
REPEAT=${REPEAT:-3}
NATIONAL=${NATIONAL:-1}
[ "$REPEAT" -ge 1 ] && [ "$REPEAT" -le 4 ] || { echo "REPEAT must be 1 to 4 (years 2090-2099)" >&2; exit 2; }
. "$(dirname "$0")/suite.sh"
report="$OUT/ingest-$stamp.txt"
forget() { sql -q -c "DELETE FROM indicator_value WHERE year BETWEEN 2090 AND 2099; DELETE FROM submission WHERE year BETWEEN 2090 AND 2099" >/dev/null; }
forget
work=$(mktemp -d); chmod 755 "$work"
trap 'forget || true; rm -rf "$work"' EXIT

# the catalogue: a valid synthetic value per indicator
curl -fsS -H "Authorization: Bearer $READER" "$SVC/indicators?size=500" \
  | jq -r '.items[] | [.code, (if .minValue == null then 0 else .minValue end), (if .maxValue == null then 100 else .maxValue end), .integerValued] | @tsv' \
  | awk -F'\t' '{m = ($2 + $3) / 2; if ($4 == "true") printf "%s\t%d\n", $1, m; else printf "%s\t%.2f\n", $1, m}' >"$work/indicators.tsv"
n_ind=$(wc -l <"$work/indicators.tsv")

if [ "$NATIONAL" != 0 ] && ! national_registry; then
  echo "the registry refused the national import: national case skipped" >&2; NATIONAL=0
fi

# $1 file name, $2 label, $3 codes file, $4.. years: one CSV for the service, one for \copy (same rows)
bench_case() {
  local name=$1 label=$2 codes=$3; shift 3
  awk -F'\t' -v OFS=, 'NR == FNR {ind[++k] = $1; val[k] = $2; next}
    FNR == 1 {print "countyCode,indicatorCode,value,source"} {for (i = 1; i <= k; i++) print $1, ind[i], val[i], "synthetic (bench/assessment/ingest.sh)"}' \
    "$work/indicators.tsv" "$codes" >"$work/$name.csv"
  local rows; rows=$(($(wc -l <"$work/$name.csv") - 1))
  local svc=() db=() year
  for year in "$@"; do
    copy_rows "$work/$name.csv" "$year" "$work/$name-$year.copy"
    local t
    t=$(copy_ms "$work/$name-$year.copy")
    [ -n "$t" ] || { echo "\\copy failed for $name $year" >&2; exit 1; }
    db+=("$(awk -v n="$rows" -v ms="$t" 'BEGIN {printf "%.0f", n / (ms / 1000)}')")
    local code s
    read -r code s < <(curl -sS -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $EDITOR" \
        -H "Content-Type: text/csv; charset=UTF-8" --data-binary @"$work/$name.csv" "$SVC/data/$year/values")
    [ "$code" = 200 ] || { echo "POST $year answered $code:" >&2; head -c 2000 "$work/answer.json" >&2; exit 1; }
    [ "$(jq .written "$work/answer.json")" = "$rows" ] || { echo "written != $rows" >&2; cat "$work/answer.json" >&2; exit 1; }
    svc+=("$(awk -v n="$rows" -v s="$s" 'BEGIN {printf "%.0f", n / s}')")
    echo "  $name $year: $rows rows, service ${svc[-1]} rows/s (${s}s), \\copy ${db[-1]} rows/s (${t} ms)" >&2
  done
  local ms md
  ms=$(printf '%s\n' "${svc[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  md=$(printf '%s\n' "${db[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  printf '%-34s %8d %14d %14d %8.3f\n' "$label" "$rows" "$ms" "$md" "$(awk -v a="$ms" -v b="$md" 'BEGIN {print a / b}')"
}

awk -F, 'NR > 1 && $5 == "510000" {print $1}' "$DIVISIONS" | sort -u >"$work/province.codes"
awk -F, 'NR > 1 {print $1}' "$DIVISIONS" | sort -u >"$work/national.codes"
{
  echo "assessment ingest benchmark $stamp on $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $n_ind indicators; median of $REPEAT"
  printf '%-34s %8s %14s %14s %8s\n' "" "rows" "service rows/s" "\\copy rows/s" "ratio"
  bench_case province "province ($(wc -l <"$work/province.codes") counties)" "$work/province.codes" $(seq 2090 $((2089 + REPEAT)))
  if [ "$NATIONAL" != 0 ]; then
    bench_case national "national ($(wc -l <"$work/national.codes") counties)" "$work/national.codes" $(seq 2095 $((2094 + REPEAT)))
  else
    echo "national: skipped"
  fi
  echo "service: POST text/csv, curl time_total (HTTP, parse, validate, COPY + merge, commit); \\copy: psql \\timing, in a transaction rolled back"
} | tee "$report"
echo "report kept in ${report#$ROOT/}"
