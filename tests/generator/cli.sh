#!/usr/bin/env bash
# kc-gen's command line: exit 0 for --help/--version, 2 for wrong usage, 1 for bad input.
#
# Usage: cli.sh KC_GEN SOURCE_ROOT
set -uo pipefail

kcgen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

expect() { # expect STATUS PATTERN ARGS...
  local want=$1 pattern=$2
  shift 2
  "$kcgen" "$@" >"$tmp/out" 2>&1
  local rc=$?
  if [ $rc -ne "$want" ] || ! grep -q -e "$pattern" "$tmp/out"; then
    echo "FAIL: kc-gen $* -> $rc (want $want, output matching '$pattern'):"; cat "$tmp/out"; failed=1
  else
    echo "ok   kc-gen $*"
  fi
}

expect 0 '^Usage: kc-gen \[options\] APIS_DIR' --help
expect 0 '^Usage: kc-gen' -h
expect 0 '^kc-gen [0-9]' --version
expect 2 "missing APIS_DIR" 
expect 2 "unknown option '--frobnicate'" --frobnicate apis
expect 2 "more than one APIS_DIR" a b
expect 2 "option '-o' needs a value" apis -o
expect 1 "kc-gen: error: cannot read '$tmp/nope'" "$tmp/nope"
mkdir -p "$tmp/empty"
expect 1 "kc-gen: error: no packages under" "$tmp/empty"
expect 1 "kc-gen: error: cannot read boilerplate" -b "$tmp/nope.txt" "$tmp/empty"
expect 1 "kc-gen: error: template folder" -t "$tmp/nope" "$tmp/empty"
exit $failed
