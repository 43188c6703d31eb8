#!/usr/bin/env bash
# CI check: generated/ is exactly what hack/update-codegen.sh produces, and it compiles.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "${1:-}" = "--help" ] && { echo "Usage: hack/verify-codegen.sh  (regenerate into a temp dir, diff against generated/, compile)"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$KC_ROOT/hack/update-codegen.sh" --output "$tmp/generated"

if ! diff -ruN "$KC_ROOT/generated" "$tmp/generated" >"$tmp/diff"; then
  cat "$tmp/diff"
  kc_die "generated/ is out of date: run hack/update-codegen.sh and commit the result"
fi

# Every generated file must compile, and every header alone (flatcc habit).
cc=${CC:-cc}
flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -I "$KC_ROOT/generated" -I "$KC_ROOT/runtime")
while IFS= read -r f; do
  "$cc" "${flags[@]}" -c "$f" -o "$tmp/x.o" || kc_die "$f does not compile"
done < <(find "$KC_ROOT/generated" -name '*.c' | sort)
while IFS= read -r h; do
  rel=${h#"$KC_ROOT/generated/"}
  printf '#include "%s"\n' "$rel" >"$tmp/alone.c"
  "$cc" "${flags[@]}" -c "$tmp/alone.c" -o "$tmp/x.o" || kc_die "$rel does not compile on its own"
done < <(find "$KC_ROOT/generated" -name '*.h' | sort)
echo "verify-codegen: generated/ is up to date and compiles"
