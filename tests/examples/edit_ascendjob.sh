#!/usr/bin/env bash
# Runs examples/edit_ascendjob on the recorded "create job-a" answer (which carries a member no
# C type declares) and checks that only spec.runPolicy.backoffLimit changed.
set -euo pipefail
prog=$1 fixture=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$fixture" >"$tmp/in.json" <<'PY'
import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
print(json.dumps(next(s for s in steps if s["label"].startswith("create job-a "))["response"]["json"]))
PY
"$prog" "$tmp/in.json" >"$tmp/out.json"
python3 - "$tmp/in.json" "$tmp/out.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
before = a["spec"]["runPolicy"]["backoffLimit"]
assert b["spec"]["runPolicy"]["backoffLimit"] == before + 1, b["spec"]["runPolicy"]
b["spec"]["runPolicy"]["backoffLimit"] = before
assert a == b, "something besides backoffLimit changed"
assert b["spec"]["aFieldNoClientKnows"] == {"nested": [1, 2, {"deep": True}]}
print("1 passed, 0 failed")
PY
