#!/usr/bin/env bash
# The project's own apis/: kc-gen accepts all of it, fast, and every generated file compiles
# with -Wall -Wextra -Wpedantic -Werror (each types.c, and each header alone).
#
# Usage: apis.sh KC_GEN SOURCE_ROOT
set -euo pipefail

kcgen=$1
root=$2
cc=${CC:-cc}
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! ls "$root"/apis/*/*/types.h >/dev/null 2>&1; then
  echo "skip: no apis/ packages"; exit 0
fi
cd "$root"
start=$(date +%s%N)
"$kcgen" -I runtime -b hack/boilerplate.txt -o "$tmp/out" apis
mid=$(date +%s%N)
"$kcgen" -I runtime -b hack/boilerplate.txt -o "$tmp/out" apis
end=$(date +%s%N)
echo "kc-gen over apis/: $(( (mid - start) / 1000000 )) ms, no-change run $(( (end - mid) / 1000000 )) ms"
failed=0
for f in "$tmp"/out/*/*/types.c; do
  "$cc" "${cflags[@]}" -c -I "$tmp/out" -I runtime "$f" -o "$tmp/x.o" || { echo "FAIL: ${f#$tmp/out/}"; failed=1; }
done
for h in "$tmp"/out/*/*/types.h; do
  printf '#include "%s"\n' "${h#$tmp/out/}" >"$tmp/alone.c"
  "$cc" "${cflags[@]}" -fsyntax-only -I "$tmp/out" -I runtime "$tmp/alone.c" || { echo "FAIL: ${h#$tmp/out/} alone"; failed=1; }
done
[ $failed = 0 ] && echo "ok   apis/ generates and compiles"
exit $failed
