#!/usr/bin/env bash
# National-scale benchmark of assessment-service's scoring package: 2,978 county-level divisions,
# 30 synthetic indicators, 4 categories; one full run and a 1,000-replication sensitivity analysis.
# Usage: bench/assessment/run.sh [replications]   (from anywhere; builds only assessment-service)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIVISIONS="${DIVISIONS:-$ROOT/../shared/reference/china/county_level_divisions.csv}"
REPS="${1:-1000}"
cd "$ROOT"
mvn -B -o -q test -pl assessment-service -Dtest=NationalBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dassessment.excludedGroups=none -Dbench.divisions="$DIVISIONS" -Dbench.replications="$REPS" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
