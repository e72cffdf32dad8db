#!/usr/bin/env bash
# Prints a user's bearer token signed with the development user-issuer key (kid "users") that deploy/local/run.sh
# made, for the four services (aud). No service holds this key.
# Usage: deploy/local/token.sh ROLE[,ROLE...] [COUNTY_CODE...]
#   deploy/local/token.sh reader
#   deploy/local/token.sh editor,approver 510522 511321   (may write only for those two counties)
# Roles: reader, editor, approver, admin. Valid for TOKEN_TTL seconds (default 30 minutes;
# the services refuse any token issued more than an hour ago).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KEY="$ROOT/deploy/local/.run/keys/users.key.pem"
[ $# -ge 1 ] || { echo "usage: $0 ROLE[,ROLE...] [COUNTY_CODE...]" >&2; exit 2; }
[ -s "$KEY" ] || { echo "no development key yet: run deploy/local/run.sh once" >&2; exit 1; }
IFS=',' read -r -a roles <<<"$1"; shift
for r in "${roles[@]}"; do
  case "$r" in reader|editor|approver|admin) ;; *) echo "unknown role '$r' (reader, editor, approver, admin)" >&2; exit 2 ;; esac
done
for c in "$@"; do [[ "$c" =~ ^[0-9]{6}$ ]] || { echo "county code must be 6 digits: '$c'" >&2; exit 2; }; done
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_list() { local out="" x; for x in "$@"; do out+="${out:+,}\"$x\""; done; printf '[%s]' "$out"; }
now=$(date +%s); exp=$((now + ${TOKEN_TTL:-1800}))
sub="${TOKEN_SUBJECT:-dev-$(IFS=-; echo "${roles[*]}")}"
payload="{\"iss\":\"${API_JWT_ISSUER:-sc-county-economy}\",\"sub\":\"$sub\",\"upn\":\"$sub\",\"aud\":$(json_list county-registry-service assessment-service assistance-service reform-pilot-service),\"groups\":$(json_list "${roles[@]}"),\"iat\":$now,\"exp\":$exp,\"jti\":\"$(openssl rand -hex 8)\""
[ $# -gt 0 ] && payload+=",\"counties\":$(json_list "$@")"
payload+="}"
header='{"alg":"RS256","typ":"JWT","kid":"users"}'
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
sig=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$sig"
