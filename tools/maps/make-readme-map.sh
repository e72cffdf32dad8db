#!/usr/bin/env bash
# Makes docs/scores-map.svg, the picture of the root README: the overall-score map of assessment-service
# on its demo data (synthetic values of 2023, official run), as MapsAndPagesTest receives it over HTTP
# (the registry stub serves the reference shapes, thinned by tools/maps/make-stub-shapes.py).
# Usage: tools/maps/make-readme-map.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -o -q verify -pl assessment-service -am -DskipITs -Dtest=MapsAndPagesTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs
cp assessment-service/target/maps/scores-overall.svg docs/scores-map.svg
echo "docs/scores-map.svg written ($(wc -c < docs/scores-map.svg) bytes)"
