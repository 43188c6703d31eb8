#!/usr/bin/env bash
# Runs the benchmarks of tests/bench and times kc-gen.  Prints ratios against
# baselines measured in the same run; never fails on a number (noisy machines).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ "${1:-}" = "--help" ] && { echo "Usage: hack/bench.sh [ITEMS...]   (items per list; default 1000 10000)"; exit 0; }

kc_install_deps "${KC_DEB_PACKAGES[@]}"
cd "$KC_ROOT"
KC_BUILD_TYPE=Release kc_build build/bench -DKC_BUILD_TESTS=ON -DKC_BUILD_BENCH=ON

echo "== type engine (tests/bench/bench_types)"
build/bench/tests/bench/bench_types "$@"

echo "== kc-gen over apis/"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
gen=(build/bench/generator/kc-gen --prune -I runtime -t templates -b hack/boilerplate.txt -o "$tmp/out" apis)
first=$(ms "${gen[@]}")
best_again=999999
for _ in 1 2 3 4 5; do t=$(ms "${gen[@]}"); [ "$t" -lt "$best_again" ] && best_again=$t; done
echo "first generation: ${first} ms (target < 1000 ms); no-change run: ${best_again} ms (target < 200 ms)"

if [ -x build/bench/tests/bench/bench_apiserver ]; then
  echo "== test API server (tests/bench/bench_apiserver)"
  build/bench/tests/bench/bench_apiserver
fi
