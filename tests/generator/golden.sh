#!/usr/bin/env bash
# Golden tests of kc-gen: tests/golden/<case>/apis -> compare with tests/golden/<case>/expected.
# Each generated types.c must compile against the runtime headers, and each generated header
# must compile alone in an empty .c file.
#
# Usage: golden.sh KC_GEN SOURCE_ROOT [CASE...]
#   UPDATE_GOLDEN=1 golden.sh ...   rewrites expected/ from the current output.
set -euo pipefail

kcgen=$1
root=$2
shift 2
cc=${CC:-cc}
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror)
golden="$root/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$golden"/*/; do
    [ -d "$d/apis" ] && cases+=("$(basename "$d")")
  done
fi

failed=0
for c in "${cases[@]}"; do
  out="$tmp/$c"
  # run from the case folder so the banner says apis/..., as in a user's tree
  if ! (cd "$golden/$c" && "$kcgen" -I "$root/runtime" -t "$root/templates" \
          -b "$golden/boilerplate.txt" -o "$out" apis) 2>"$tmp/$c.stderr"; then
    echo "FAIL $c: kc-gen failed:"; cat "$tmp/$c.stderr"; failed=1; continue
  fi
  if [ -s "$tmp/$c.stderr" ]; then
    echo "FAIL $c: kc-gen wrote to stderr:"; cat "$tmp/$c.stderr"; failed=1
  fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    rm -rf "$golden/$c/expected"
    cp -r "$out" "$golden/$c/expected"
    echo "updated $c"
  elif ! diff -ru "$golden/$c/expected" "$out"; then
    echo "FAIL $c: output differs from expected/ (UPDATE_GOLDEN=1 to accept)"; failed=1
  fi
  for f in "$out"/*/*/types.c; do
    if ! "$cc" "${cflags[@]}" -fsyntax-only -I "$out" -I "$root/runtime" "$f"; then
      echo "FAIL $c: ${f#$out/} does not compile"; failed=1
    fi
  done
  for h in "$out"/*/*/types.h; do
    rel=${h#$out/}
    printf '#include "%s"\n' "$rel" >"$tmp/alone.c"
    if ! "$cc" "${cflags[@]}" -fsyntax-only -I "$out" -I "$root/runtime" "$tmp/alone.c"; then
      echo "FAIL $c: $rel does not compile on its own"; failed=1
    fi
  done
  [ $failed = 0 ] && echo "ok   $c"
done
exit $failed
