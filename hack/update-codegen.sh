#!/usr/bin/env bash
# Generates generated/ from the annotated headers in apis/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: hack/update-codegen.sh [--output DIR] [--help]

Installs what is missing (Debian packages), builds kc-gen, runs it over every
package in apis/ and writes generated/ (only files whose bytes change). Files
in the output that carry the "DO NOT EDIT" line but were not generated this
run are removed. Exits non-zero on any error; on an error nothing is written.

  --output DIR   write here instead of generated/ (used by verify-codegen.sh)
  --help         this text
USAGE
}

out="$KC_ROOT/generated"
while [ $# -gt 0 ]; do
  case "$1" in
    --output) [ $# -ge 2 ] || kc_die "--output needs a directory"; out=$2; shift 2 ;;
    --output=*) out=${1#--output=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; kc_die "unknown argument '$1'" ;;
  esac
done

kc_install_deps "${KC_DEB_PACKAGES[@]}"
build="${KC_GEN_BUILD_DIR:-$KC_ROOT/build/gen}"
mkdir -p "$build"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$KC_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKC_BUILD_TESTS=OFF >/dev/null \
    || kc_die "cmake configure failed"
fi
cmake --build "$build" --target kc-gen -j"$(nproc)" -- --no-print-directory >"$build/build.log" 2>&1 \
  || { tail -n 40 "$build/build.log" >&2; kc_die "building kc-gen failed"; }

mkdir -p "$out"
cd "$KC_ROOT"
exec "$build/generator/kc-gen" --prune -I runtime -t templates -b hack/boilerplate.txt -o "$out" apis
