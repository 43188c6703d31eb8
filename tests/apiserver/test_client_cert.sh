#!/usr/bin/env bash
# Client-certificate authentication end to end, with kubectl 1.32 unchanged.
# usage: test_client_cert.sh KC_APISERVER_BINARY
#
#  1. Generated material: the kubeconfig kc-apiserver writes (no token) authenticates with
#     the generated admin client certificate (CN=kc-admin, O=system:masters).
#  2. Certificates the server's CA did not sign are rejected with 401 Unauthorized (client-go
#     offers its certificate whatever CAs the server names): one from another CA, and one whose
#     issuer name copies the server CA's but is signed by another key. No certificate at all:
#     system:anonymous, 403.
#  3. A CA, serving and client certificates passed in (made with openssl): CN maps to the
#     user, each O to a group (kubectl auth whoami).
# Exit 77 (ctest: skipped) without kubectl or openssl.
set -euo pipefail
BIN=$1
KUBECTL=${KUBECTL:-/usr/bin/kubectl}
if [ ! -x "$KUBECTL" ]; then echo "kubectl not found: skipped"; exit 77; fi
if ! command -v openssl >/dev/null; then echo "openssl not found: skipped"; exit 77; fi
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
: >"$WORK/empty-kubeconfig"

start() { # DIR ARGS... : starts kc-apiserver --tls, sets URL
  local dir=$1; shift
  mkdir -p "$dir"
  "$BIN" --tls "$@" >"$dir/out" 2>"$dir/err" &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
  URL=$(grep -o 'https://[0-9.:]*' "$dir/out")
}
k() { timeout 30 "$KUBECTL" --request-timeout=20s "$@"; }
pass=0; fail=0
expect() { # name, pattern, command...
  local name=$1 pat=$2; shift 2
  local out
  out=$("$@" 2>&1) || true
  if grep -Eq -- "$pat" <<<"$out"; then pass=$((pass+1)); echo "ok   $name"; else
    fail=$((fail+1)); echo "FAIL $name (want /$pat/)"; echo "$out" | sed 's/^/     /' | head -20; fi
}
ssl() { openssl "$@" 2>/dev/null; }
# mkcert NAME SUBJECT CA_NAME [EXT]: key + certificate signed by CA_NAME (files in $WORK)
mkcert() {
  local name=$1 subj=$2 ca=$3 ext=${4:-extendedKeyUsage=clientAuth}
  ssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/$name.key" \
    -subj "$subj" -out "$WORK/$name.csr"
  printf '%s\n' "$ext" >"$WORK/$name.ext"
  ssl x509 -req -in "$WORK/$name.csr" -CA "$WORK/$ca.crt" -CAkey "$WORK/$ca.key" -CAcreateserial \
    -days 2 -extfile "$WORK/$name.ext" -out "$WORK/$name.crt"
}
mkca() { # NAME SUBJECT
  ssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/$1.key" \
    -subj "$2" -days 2 -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature -out "$WORK/$1.crt"
}

# ---- 1. the generated admin client certificate ----
start "$WORK/a" --cert-dir "$WORK/a" --write-kubeconfig "$WORK/a/kubeconfig"
A=$URL
expect "kubeconfig carries a client certificate, no token" "client-certificate-data" \
  bash -c "grep -v '^ *token:' '$WORK/a/kubeconfig'"
expect "kubectl get ns with the admin client certificate" "^default +Active" \
  k --kubeconfig "$WORK/a/kubeconfig" get ns
expect "kubectl auth whoami: CN=kc-admin" "Username +kc-admin" k --kubeconfig "$WORK/a/kubeconfig" auth whoami
expect "kubectl auth whoami: O=system:masters" "Groups +\[system:masters system:authenticated\]" \
  k --kubeconfig "$WORK/a/kubeconfig" auth whoami
echo '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cc","namespace":"default"},"data":{"a":"b"}}' \
  >"$WORK/cm.json"
expect "writes work" "configmap/cc created" k --kubeconfig "$WORK/a/kubeconfig" apply -f "$WORK/cm.json"
if command -v curl >/dev/null; then
  expect "no certificate: system:anonymous, 403 Forbidden" \
    '^403 .*"message":"namespaces is forbidden: User \\"system:anonymous\\" cannot list resource' \
    bash -c "curl -s --max-time 20 --cacert '$WORK/a/ca.crt' -w '%{http_code} ' -o '$WORK/curl.out' \
      '$A/api/v1/namespaces'; cat '$WORK/curl.out'"
fi

# ---- 2. certificates the server's CA did not sign ----
mkca rogue-ca "/CN=rogue-ca"
mkcert rogue "/CN=kc-admin/O=system:masters" rogue-ca
expect "another CA's certificate: Unauthorized" \
  'You must be logged in to the server \(Unauthorized\)' \
  k --kubeconfig "$WORK/empty-kubeconfig" --server "$A" --certificate-authority "$WORK/a/ca.crt" \
    --client-certificate "$WORK/rogue.crt" --client-key "$WORK/rogue.key" get ns
if command -v curl >/dev/null; then
    expect "another CA's certificate (curl): 401 and the Status kube-apiserver sends" \
    '^401 \{"kind":"Status","apiVersion":"v1","metadata":\{\},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401\}' \
    bash -c "curl -s --max-time 20 --cacert '$WORK/a/ca.crt' --cert '$WORK/rogue.crt' --key '$WORK/rogue.key' \
      -w '%{http_code} ' -o '$WORK/curl.out' '$A/api/v1/namespaces'; cat '$WORK/curl.out'" 
fi
mkca forged-ca "/CN=kc-apiserver-ca"   # the server CA's name, another key
mkcert forged "/CN=kc-admin/O=system:masters" forged-ca
expect "a certificate whose issuer name is forged: Unauthorized" \
  'You must be logged in to the server \(Unauthorized\)' \
  k --kubeconfig "$WORK/empty-kubeconfig" --server "$A" --certificate-authority "$WORK/a/ca.crt" \
    --client-certificate "$WORK/forged.crt" --client-key "$WORK/forged.key" get ns

# ---- 3. material passed in: CN -> user, O -> groups ----
mkca ca "/CN=test-ca"
mkcert server "/CN=kc-apiserver" ca \
  "$(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth')"
mkcert alice "/CN=alice/O=dev/O=ops" ca
start "$WORK/b" --ca-cert "$WORK/ca.crt" --cert "$WORK/server.crt" --key "$WORK/server.key"
B=$URL
kb() { k --kubeconfig "$WORK/empty-kubeconfig" --server "$B" --certificate-authority "$WORK/ca.crt" \
  --client-certificate "$WORK/alice.crt" --client-key "$WORK/alice.key" "$@"; }
expect "passed-in CA: kubectl get ns as alice" "^kube-system +Active" kb get ns
expect "kubectl auth whoami: CN=alice" "Username +alice" kb auth whoami
expect "kubectl auth whoami: O=dev, O=ops" "Groups +\[dev ops system:authenticated\]" kb auth whoami
expect "the generated admin certificate of another server is refused" \
  'You must be logged in to the server \(Unauthorized\)' \
  k --kubeconfig "$WORK/empty-kubeconfig" --server "$B" --certificate-authority "$WORK/ca.crt" \
    --client-certificate "$WORK/a/admin.crt" --client-key "$WORK/a/admin.key" get ns

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
