#!/usr/bin/env bash
# Builds everything and runs the whole test suite; exits non-zero on any failure.
#
#   build/ci     -Werror build: every test
#   build/asan   AddressSanitizer + UndefinedBehaviorSanitizer: every test
#   build/tsan   ThreadSanitizer: the tests labelled `tsan` (informers, transport, server)
#   valgrind     the tests labelled `valgrind` in build/ci under memcheck (no leaks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: hack/test.sh [--fast] [--fuzz SECONDS] [--help]

  --fast          only the -Werror build (no sanitizer, TSan or valgrind runs)
  --fuzz SECONDS  also run every libFuzzer target for SECONDS each (clang)
  -R REGEX        only tests matching REGEX (passed to ctest)
USAGE
}

fast=0 fuzz=0 filter=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1; shift ;;
    --fuzz) [ $# -ge 2 ] || kc_die "--fuzz needs seconds"; fuzz=$2; shift 2 ;;
    -R) [ $# -ge 2 ] || kc_die "-R needs a regex"; filter=(-R "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; kc_die "unknown argument '$1'" ;;
  esac
done

kc_install_deps "${KC_DEB_PACKAGES[@]}"
cd "$KC_ROOT"
jobs=$(nproc)
status=0

run_ctest() { # dir, extra ctest args...
  local dir=$1; shift
  ( cd "$dir" && ctest --output-on-failure -j"$jobs" --timeout 600 "${filter[@]}" "$@" ) || status=1
}

kc_log "== build/ci (-Werror)"
kc_build build/ci -DKC_WERROR=ON
run_ctest build/ci

if [ "$fast" -eq 0 ]; then
  kc_log "== build/asan (ASan+UBSan)"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  kc_build build/asan -DKC_WERROR=ON -DKC_SANITIZE=ON -DKC_BUILD_BENCH=OFF
  run_ctest build/asan -LE no-asan

  kc_log "== build/tsan (ThreadSanitizer, tests labelled tsan)"
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  kc_build build/tsan -DKC_WERROR=ON -DKC_TSAN=ON -DKC_BUILD_BENCH=OFF
  run_ctest build/tsan -L tsan

  kc_log "== valgrind (tests labelled valgrind)"
  ( cd build/ci && ctest -T memcheck -L valgrind -j"$jobs" "${filter[@]}" >memcheck.log 2>&1 ) \
    || { tail -n 40 build/ci/memcheck.log >&2; status=1; }
  if grep -q 'Defects:' build/ci/memcheck.log 2>/dev/null; then
    grep -A20 'Defects:' build/ci/memcheck.log >&2; status=1
  fi
  grep -E 'tests passed|Memory checking results' build/ci/memcheck.log >&2 || true
fi

if [ "$fuzz" -gt 0 ]; then
  kc_log "== fuzz ($fuzz s per target)"
  CC=clang kc_build build/fuzz -DKC_FUZZ=ON -DKC_BUILD_TESTS=OFF -DKC_BUILD_BENCH=OFF
  for f in build/fuzz/tests/fuzz/fuzz_*; do
    [ -x "$f" ] || continue
    name=$(basename "$f")
    # new inputs go to build/fuzz/corpus-NAME; the kept corpus and crash regressions seed it
    seeds=()
    for d in "tests/fuzz/corpus/$name" "tests/runtime/fuzz-regress/$name"; do
      [ -d "$d" ] && seeds+=("$d")
    done
    mkdir -p "build/fuzz/corpus-$name"
    "$f" -max_total_time="$fuzz" "build/fuzz/corpus-$name" "${seeds[@]}" >"build/fuzz/$name.log" 2>&1 \
      || { tail -n 30 "build/fuzz/$name.log" >&2; status=1; }
    kc_log "$name: $(grep -oE 'stat::number_of_executed_units: [0-9]+' "build/fuzz/$name.log" || tail -n 1 "build/fuzz/$name.log")"
  done
fi

[ "$status" -eq 0 ] && kc_log "hack/test.sh: all passed" || kc_log "hack/test.sh: FAILED"
exit "$status"
