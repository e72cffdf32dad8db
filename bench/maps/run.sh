#!/usr/bin/env bash
# Benchmark of the score map (GET /api/v1/maps/scores) of 183 counties once the county shapes are
# cached, over HTTP against assessment-service in its test setup (embedded PostgreSQL, the registry
# stub serving the shapes), beside a baseline measured in the same JVM and the same go: the JSON
# ranking of the same 183 counties. Target: the map under 100 ms.
# Usage: bench/maps/run.sh [requests]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -o -q verify -pl assessment-service -am -DskipITs -Dtest=MapBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dassessment.excludedGroups=none -Dbench.requests="${1:-41}" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
