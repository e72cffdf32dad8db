#!/usr/bin/env bash
# Benchmark of assessment-service's scoring package on the issue-12 case (2,978 divisions x 30
# indicators, one coin): a full run (median, warm JVM) and a 1,000-replication uncertainty
# analysis, each beside a baseline measured in the same JVM and as ratios to COINr's published
# 0.70 s and 880 s; then, when R and COINr are installed (tools/coinr/install.sh), COINr's own
# time on this machine for the same data set.
# Usage: bench/assessment/run.sh [replications] [COINr replications]
#        bench/assessment/run.sh ingest   # the bulk ingest against COPY (bench/assessment/ingest.sh)
#        bench/assessment/run.sh e2e      # national end to end: ingest, approve, run, ranking (bench/assessment/e2e.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
if [ "${1:-}" = ingest ]; then
  shift
  exec "$ROOT/bench/assessment/ingest.sh" "$@"
fi
if [ "${1:-}" = e2e ]; then
  shift
  exec "$ROOT/bench/assessment/e2e.sh" "$@"
fi
DIVISIONS="${DIVISIONS:-/work/shared/reference/china/county_level_divisions.csv}"
[ -f "$DIVISIONS" ] || DIVISIONS="$ROOT/../shared/reference/china/county_level_divisions.csv"
REPS="${1:-1000}"
COINR_REPS="${2:-5}"
CSV="$ROOT/assessment-service/target/bench-2978x30.csv"
cd "$ROOT"
mvn -B -o -q test -pl assessment-service -am -Dtest=NationalBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dassessment.excludedGroups=none -Dbench.divisions="$DIVISIONS" -Dbench.replications="$REPS" \
    -Dbench.csv="$CSV" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
if command -v Rscript >/dev/null && Rscript -e 'stopifnot(requireNamespace("COINr", quietly = TRUE))' >/dev/null 2>&1; then
  Rscript "$ROOT/bench/assessment/coinr-time.R" "$CSV" "$COINR_REPS"
else
  echo "BENCH COINr not installed here (tools/coinr/install.sh): only the published 0.70 s / 880 s are compared"
fi
