#!/usr/bin/env bash
# Installs R (Debian's packages) and COINr from its source, so that make-fixtures.R and the
# benchmark can run COINr itself. COINr's code is not committed here: it is fetched as a git
# mirror (COINR_GIT, default: a clone of https://github.com/bluefoxr/COINr) and installed from
# a `git archive` of COINR_REF.
set -euo pipefail
COINR_GIT="${COINR_GIT:-/work/.mirror/bluefoxr+COINr/repo}"
COINR_REF="${COINR_REF:-HEAD}"
if [ ! -d "$COINR_GIT" ]; then
  COINR_GIT="$(mktemp -d)/COINr.git"
  git clone --bare https://github.com/bluefoxr/COINr "$COINR_GIT"
fi
# COINr's DESCRIPTION Imports: openxlsx, rlang, ggplot2, readxl (stats and utils come with R).
if ! command -v Rscript >/dev/null || ! Rscript -e 'for (p in c("openxlsx","rlang","ggplot2","readxl")) stopifnot(requireNamespace(p, quietly=TRUE))' >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends r-base-core \
    r-cran-openxlsx r-cran-rlang r-cran-ggplot2 r-cran-readxl r-cran-jsonlite
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git --git-dir="$COINR_GIT" archive --format=tar --prefix=COINr/ "$COINR_REF" | tar -x -C "$work"
grep '^Version:' "$work/COINr/DESCRIPTION"
R CMD INSTALL --no-docs --no-html --no-multiarch "$work/COINr"
Rscript -e 'cat("COINr", as.character(packageVersion("COINr")), "installed\n")'
