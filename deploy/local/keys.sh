# Development keys, sourced by deploy/local/run.sh (its ensure_keys) and bench/startup/run.sh; not run on its own.
#
# make_keys DIR NAME...: in DIR, a private key NAME.key.pem (RSA 2048) for each NAME that has none, and, when a key
# was made or the JWKS is missing, trusted-keys.jwks.json: the public halves, kid = NAME. Prints "made" when it made
# anything; returns non-zero (having said why on stderr) when a key or the JWKS could not be made. The services trust the JWKS (API_JWT_TRUSTED_KEYS) and each signs its own calls with its NAME's key
# (API_SERVICE_SIGNING_KEY); kid "users" is the user-token issuer's (deploy/local/token.sh).
make_keys() {
  local k=$1 name made=0; shift
  mkdir -p "$k"
  command -v openssl >/dev/null 2>&1 || { echo "openssl is needed to make the development keys" >&2; return 1; }
  for name in "$@"; do
    if [ ! -s "$k/$name.key.pem" ]; then
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$k/$name.key.pem" 2>/dev/null \
        && chmod 600 "$k/$name.key.pem" || { echo "could not make $k/$name.key.pem" >&2; rm -f "$k/$name.key.pem"; return 1; }
      made=1
    fi
  done
  if [ "$made" = 1 ] || [ ! -s "$k/trusted-keys.jwks.json" ]; then
    local jwks="" n
    for name in "$@"; do
      n=$(openssl pkey -in "$k/$name.key.pem" -pubout | openssl rsa -pubin -modulus -noout | sed 's/^Modulus=//' \
          | sed 's/../\\x&/g' | { read -r esc; printf '%b' "$esc"; } | openssl base64 -A | tr '+/' '-_' | tr -d '=')
      [ -n "$n" ] || { echo "could not read the public key of $k/$name.key.pem" >&2; return 1; }
      jwks+="${jwks:+,}{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"$name\",\"n\":\"$n\",\"e\":\"AQAB\"}"
    done
    printf '{"keys":[%s]}\n' "$jwks" >"$k/trusted-keys.jwks.json" || return 1
    echo made
  fi
}
