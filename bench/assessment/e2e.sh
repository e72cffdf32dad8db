#!/usr/bin/env bash
# End-to-end benchmark of assessment-service at national scale (issue 13), against the running suite of
# deploy/local/run.sh (started here if it is not):
#   1. the registry holds every county-level division of county_level_divisions.csv (its national import,
#      POST /divisions/import, run here once when 110101 东城区 is unknown to it) and SYNTHETIC categories for
#      the year (the registry's POST /demo-data, labelled SYNTHETIC there);
#   2. a published scheme for the year (a copy of 2025's version 1, made once);
#   3. a national year of synthetic values (2,978 counties x every indicator of the catalogue; each value drawn
#      from the indicator's range by a fixed hash, whole numbers for counts; `source` says synthetic) is posted
#      as one CSV request; psql's \copy of the same rows into the same table (indicator_value, same indexes and
#      keys, in a transaction rolled back) is timed just before, in the same run: rows/s of both and the ratio;
#   4. every county's data is submitted, verified and approved through the API (If-Match: *);
#   5. POST /runs (national: all 2,978 counties), RUNS times, timed; the first is marked official;
#   6. GET /rankings (one page of 50 of a category), READS times after 3 warm-ups: median and p95.
# Targets (issue 13): ingest >= 0.5 of \copy, POST /runs < 1 s, a ranking page < 50 ms.
#
#   bench/assessment/e2e.sh                  # or: bench/assessment/run.sh e2e
#   RUNS=5 READS=51 bench/assessment/e2e.sh
#
# The year (E2E_YEAR, default 2088) belongs to this script: its values and workflow states are deleted
# before it starts (runs cannot be deleted: they are kept, immutable, and the next go adds more). This
# changes the local suite's registry data for good (national divisions, synthetic categories of the year).
set -euo pipefail
YEAR=${E2E_YEAR:-2088}
# E2E_SKIP_INGEST=1: steps 5 and 6 only, on the year as an earlier go left it (imported and approved)
SKIP_INGEST=${E2E_SKIP_INGEST:-0}
RUNS=${RUNS:-3}
READS=${READS:-31}
. "$(dirname "$0")/suite.sh"
report="$OUT/e2e-$stamp.txt"
work=$(mktemp -d); chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
[ "$SKIP_INGEST" = 1 ] || sql -q -c "DELETE FROM indicator_value WHERE year = $YEAR; DELETE FROM submission WHERE year = $YEAR" >/dev/null
phases() { grep -a "import of [0-9]* values for $YEAR" "$ROOT/deploy/local/.run/logs/assessment-service.log" 2>/dev/null | tail -n 1 | sed 's/.*values for [0-9]*: //'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
p95() { sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; if (i > NR) i = NR; print a[i]}'; }

# 1. the registry: national divisions, synthetic categories of the year
national_registry
curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" -d "{\"years\":[$YEAR]}" "$REG/demo-data"
categorised=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $READER" "$REG/category-assignments?year=$YEAR&size=1" \
  | tr -d '\r' | awk -F': ' 'tolower($1) == "x-total-count" {print $2}')

# 2. a published scheme for the year
version=$(curl -fsS -H "Authorization: Bearer $READER" "$SVC/schemes?year=$YEAR&status=PUBLISHED&size=1&sort=schemeVersion,desc" | jq -r '.items[0].schemeVersion // empty' 2>/dev/null || true)
if [ -z "$version" ]; then
  curl -fsS -H "Authorization: Bearer $READER" "$SVC/schemes?year=2025&size=1" | jq "{year: $YEAR, definition: .items[0].definition}" >"$work/scheme.json"
  created=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" --data-binary @"$work/scheme.json" "$SVC/schemes")
  sid=$(jq -r .id <<<"$created")
  version=$(curl -fsS -X POST -H "Authorization: Bearer $APPROVER" -H 'If-Match: *' "$SVC/schemes/$sid/publish" | jq -r .schemeVersion)
fi

# 3. a national year of synthetic values: the same rows for \copy and for the service
curl -fsS -H "Authorization: Bearer $READER" "$SVC/indicators?size=500" \
  | jq -r '.items[] | [.code, (.minValue // 0), (.maxValue // 100), .integerValued] | @tsv' >"$work/indicators.tsv"
n_ind=$(wc -l <"$work/indicators.tsv")
awk -F, 'NR > 1 {print $1}' "$DIVISIONS" | sort -u >"$work/national.codes"
n_counties=$(wc -l <"$work/national.codes")
if [ "$SKIP_INGEST" != 1 ]; then
awk -F'\t' -v OFS=, 'NR == FNR {ind[++k] = $1; lo[k] = $2; hi[k] = $3; int_[k] = $4; next}
  FNR == 1 {print "countyCode,indicatorCode,value,source"}
  {for (i = 1; i <= k; i++) {
     h = ($1 * 7919 + i * 104729) % 1000003; u = (h % 10007) / 10007.0
     lo2 = lo[i] + (hi[i] - lo[i]) * 0.1; v = lo2 + (hi[i] - lo[i]) * 0.8 * u
     if (int_[i] == "true") v = sprintf("%d", (ind[i] ~ /ACCIDENT|VIOLATION/) ? (u > 0.97 ? 1 : 0) : v); else v = sprintf("%.2f", v)
     print $1, ind[i], v, "synthetic (bench/assessment/e2e.sh)"}}' "$work/indicators.tsv" "$work/national.codes" >"$work/values.csv"
rows=$(($(wc -l <"$work/values.csv") - 1))
copy_rows "$work/values.csv" "$YEAR" "$work/values.copy"
copy_ms=$(copy_ms "$work/values.copy")
[ -n "$copy_ms" ] || { echo "\\copy failed" >&2; exit 1; }
# a dry run first: the whole validation and its report, nothing written (it also fills the registry cache of the year's counties)
read -r code dry_s < <(curl -sS -o "$work/dry.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $EDITOR" \
    -H "Content-Type: text/csv; charset=UTF-8" --data-binary @"$work/values.csv" "$SVC/data/$YEAR/values?dryRun=true")
[ "$code" = 200 ] || { echo "dry run answered $code:" >&2; head -c 2000 "$work/dry.json" >&2; exit 1; }
read -r code ingest_s < <(curl -sS -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $EDITOR" \
    -H "Content-Type: text/csv; charset=UTF-8" --data-binary @"$work/values.csv" "$SVC/data/$YEAR/values")
[ "$code" = 200 ] || { echo "POST /data/$YEAR/values answered $code:" >&2; head -c 2000 "$work/answer.json" >&2; exit 1; }
[ "$(jq .written "$work/answer.json")" = "$rows" ] || { echo "written != $rows" >&2; head -c 2000 "$work/answer.json" >&2; exit 1; }
svc_rate=$(awk -v n="$rows" -v s="$ingest_s" 'BEGIN {printf "%.0f", n / s}')
copy_rate=$(awk -v n="$rows" -v ms="$copy_ms" 'BEGIN {printf "%.0f", n / (ms / 1000)}')

# 4. submit, verify, approve every county (If-Match: *), each step for all counties before the next
approve_start=$(date +%s.%N)
for step in submit verify approve; do
  token=$([ "$step" = submit ] && echo "$EDITOR" || echo "$APPROVER")
  awk -v s="$SVC" -v y="$YEAR" -v st="$step" '{printf "url = \"%s/submissions/%s/%s/%s\"\noutput = \"/dev/null\"\n", s, $1, y, st}' \
    "$work/national.codes" >"$work/$step.curl"
  curl -sS --parallel --parallel-max 8 -H "Authorization: Bearer $token" -H 'If-Match: *' -H 'Content-Type: application/json' -d '{}' \
      -w '%{http_code}\n' -K "$work/$step.curl" \
    | sort | uniq -c >"$work/$step.codes"
  grep -qv ' 200$' "$work/$step.codes" && { echo "$step: answers other than 200:" >&2; cat "$work/$step.codes" >&2; exit 1; }
done
approve_s=$(awk -v a="$approve_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
fi

# 5. national runs
run_times=()
for i in $(seq 1 "$RUNS"); do
  read -r code t < <(curl -sS -o "$work/run.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $EDITOR" \
      -H "Content-Type: application/json" -d "{\"year\":$YEAR,\"schemeVersion\":$version}" "$SVC/runs")
  [ "$code" = 201 ] || { echo "POST /runs answered $code:" >&2; head -c 2000 "$work/run.json" >&2; exit 1; }
  run_times+=("$t")
  [ "$i" = 1 ] && run_id=$(jq -r .id "$work/run.json") && counted=$(jq -r .countyCount "$work/run.json")
done
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $APPROVER" "$SVC/runs/$run_id/official"

# 6. ranking pages
category=KEY_DEVELOPMENT
url="$SVC/rankings?year=$YEAR&category=$category&size=50&page=2"
for i in 1 2 3; do curl -fsS -o /dev/null -H "Authorization: Bearer $READER" "$url"; done
read_times=()
for i in $(seq 1 "$READS"); do
  read_times+=("$(curl -fsS -o "$work/ranking.json" -w '%{time_total}' -H "Authorization: Bearer $READER" "$url")")
done
in_category=$(jq .totalItems "$work/ranking.json")

{
  echo "assessment end to end, national, $stamp on $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "registry: $n_counties divisions in the CSV, $categorised with a (synthetic) category for $YEAR; scheme $YEAR v$version; $n_ind indicators"
  [ "$SKIP_INGEST" = 1 ] && echo "ingest and approval: skipped (E2E_SKIP_INGEST=1; the year's data as an earlier go left it)"
  [ "$SKIP_INGEST" = 1 ] || printf 'ingest  %d rows in one CSV request: service %s rows/s (%.2f s), \\copy %s rows/s (%.0f ms), ratio %.3f (target >= 0.5)\n' \
    "$rows" "$svc_rate" "$ingest_s" "$copy_rate" "$copy_ms" "$(awk -v a="$svc_rate" -v b="$copy_rate" 'BEGIN {print a / b}')"
  [ "$SKIP_INGEST" = 1 ] || printf 'dry run of the same request (validation and report, nothing written): %.2f s\n' "$dry_s"
  [ "$SKIP_INGEST" = 1 ] || echo "        where the import's time went (the service's log): $(phases)"
  [ "$SKIP_INGEST" = 1 ] || echo "approve submit + verify + approve of $n_counties counties through the API (8 in parallel): ${approve_s} s"
  printf 'runs    POST /runs with %s counties: %s s each; median %s s (target < 1 s)\n' "$counted" "$(IFS=' '; echo "${run_times[*]}")" \
    "$(printf '%s\n' "${run_times[@]}" | median)"
  printf 'ranking GET /rankings %s, page 2 of 50 (%s counties in the category), %s reads: median %.1f ms, p95 %.1f ms (target < 50 ms)\n' \
    "$category" "$in_category" "$READS" "$(printf '%s\n' "${read_times[@]}" | median | awk '{print $1 * 1000}')" \
    "$(printf '%s\n' "${read_times[@]}" | p95 | awk '{print $1 * 1000}')"
  echo "times: curl time_total on 127.0.0.1 (HTTP included); \\copy: psql \\timing of the same rows, rolled back"
} | tee "$report"
echo "report kept in ${report#$ROOT/}"
