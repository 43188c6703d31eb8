#!/usr/bin/env bash
# kubectl 1.32, unchanged, against kc-apiserver over HTTPS with a generated CA and a token.
# usage: test_kubectl.sh KC_APISERVER_BINARY TESTDATA_DIR
set -euo pipefail
BIN=$1
TESTDATA=$2
KUBECTL=${KUBECTL:-/usr/bin/kubectl}
if [ ! -x "$KUBECTL" ]; then echo "kubectl not found: skipped"; exit 0; fi
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN" --tls --cert-dir "$WORK" --token "kubectl-test-token" \
  --write-kubeconfig "$WORK/kubeconfig" >"$WORK/out" 2>"$WORK/err" &
PID=$!
for _ in $(seq 50); do grep -q listening "$WORK/out" && break; sleep 0.1; done
export KUBECONFIG=$WORK/kubeconfig
k() { timeout 30 "$KUBECTL" --request-timeout=20s "$@"; }
pass=0; fail=0
check() { # name, command...
  local name=$1; shift
  if out=$("$@" 2>&1); then pass=$((pass+1)); echo "ok   $name"; else
    fail=$((fail+1)); echo "FAIL $name"; echo "$out" | sed 's/^/     /' | head -20; fi
}
expect() { # name, pattern, command...
  local name=$1 pat=$2; shift 2
  if out=$("$@" 2>&1) && grep -Eq -- "$pat" <<<"$out"; then pass=$((pass+1)); echo "ok   $name"; else
    fail=$((fail+1)); echo "FAIL $name (want /$pat/)"; echo "$out" | sed 's/^/     /' | head -20; fi
}

python3 - "$TESTDATA" "$WORK" <<'EOF'
import json, sys
td, w = sys.argv[1], sys.argv[2]
crd = json.load(open(td + "/crd-registration.json"))["steps"][0]["request"]["body"]
crd["spec"]["versions"][0]["additionalPrinterColumns"] = [
    {"name": "State", "type": "string", "jsonPath": ".status.conditions[-1:].type"},
    {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}]
json.dump(crd, open(w + "/crd.json", "w"))
job = json.load(open(td + "/ascendjob-crud.json"))["steps"][1]["request"]["body"]
job["metadata"] = {"name": "kubectl-job", "namespace": "default", "labels": {"app": "ascend"}}
json.dump(job, open(w + "/job.json", "w"))
job["spec"]["schedulerName"] = "other-manager"
json.dump(job, open(w + "/job2.json", "w"))
EOF
cat >"$WORK/deploy.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: "nginx:1.25", env: [{name: A, value: "1"}]}
EOF

expect "api-resources" "ascendjobs|deployments" k api-resources
check  "create -f CRD" k create -f "$WORK/crd.json"
expect "api-resources lists the CRD" "ascendjobs" k api-resources --api-group=mindxdl.gitee.com
expect "apply (create)" "created" k apply -f "$WORK/job.json"
expect "apply again (unchanged)" "unchanged" k apply -f "$WORK/job.json"
expect "server-side apply" "serverside-applied" k apply --server-side --field-manager=mgr-a -f "$WORK/job.json"
expect "conflicting manager" "[Cc]onflict" bash -c "timeout 30 $KUBECTL apply --server-side --field-manager=mgr-b -f $WORK/job2.json 2>&1 || true"
expect "get" "kubectl-job" k get ascendjobs
expect "get -o yaml" "schedulerName: volcano" k get ascendjob kubectl-job -o yaml
expect "label" "labeled" k label ascendjob kubectl-job phase=x
expect "annotate" "annotated" k annotate ascendjob kubectl-job note=hello
expect "patch --type merge" "patched" k patch ascendjob kubectl-job --type merge -p '{"spec":{"schedulerName":"p"}}'
expect "patch --type json" "patched" k patch ascendjob kubectl-job --type json -p '[{"op":"replace","path":"/spec/schedulerName","value":"q"}]'
expect "patched value" "^q$" k get ascendjob kubectl-job -o 'jsonpath={.spec.schedulerName}'
k patch ascendjob kubectl-job --subresource=status --type merge \
  -p '{"status":{"conditions":[{"type":"Created","status":"True"},{"type":"Running","status":"True"}]}}' >/dev/null
expect "printer columns State, Age" "NAME +STATE +AGE" k get ascendjobs
expect "State column value" "kubectl-job +Running" k get ascendjobs
check  "create deployment" k apply -f "$WORK/deploy.yaml"
expect "patch (strategic)" "patched" k patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}}}'
expect "strategic merge kept env" "nginx:1.26.*A" k get deployment web -o 'jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env[0].name}'
expect "scale" "scaled" k scale deployment web --replicas=3
expect "scaled replicas" "^3$" k get deployment web -o 'jsonpath={.spec.replicas}'
# get -w: the watch asks for Tables, so the events print State and Age like the list does
( sleep 1; timeout 20 "$KUBECTL" label ascendjob kubectl-job phase=y --overwrite >/dev/null 2>&1
  timeout 20 "$KUBECTL" patch ascendjob kubectl-job --subresource=status --type merge \
    -p '{"status":{"conditions":[{"type":"Created","status":"True"},{"type":"Succeeded","status":"True"}]}}' \
    >/dev/null 2>&1 ) &
BG=$!
timeout 8 "$KUBECTL" get ascendjobs -w --request-timeout=4s >"$WORK/watch.out" 2>/dev/null || true
wait $BG || true
expect "get -w (bounded)" "kubectl-job" cat "$WORK/watch.out"
expect "get -w event rows: State, Age" "^kubectl-job +Succeeded +[0-9]+[smhd]" cat "$WORK/watch.out"
expect "get -w header printed once" "^1$" grep -Ec "^NAME +STATE +AGE" "$WORK/watch.out"
( sleep 1; timeout 20 "$KUBECTL" delete ascendjob kubectl-job >/dev/null 2>&1 ) &
BG=$!
check  "wait --for=delete" k wait --for=delete ascendjob/kubectl-job --timeout=15s
wait $BG || true
expect "delete" "deleted" k delete deployment web
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
