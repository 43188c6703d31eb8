# hack/lib.sh - shared by the hack/ scripts.  Source it; do not run it.

KC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The Debian packages kc needs to build, generate and test.
KC_DEB_PACKAGES=(
  gcc make cmake pkg-config
  libclang-dev clang
  libcjson-dev libyaml-dev libcurl4-openssl-dev libmicrohttpd-dev libgnutls28-dev zlib1g-dev
  libcmocka-dev
  python3 python3-kubernetes
  valgrind
)

kc_log() { printf '%s\n' "$*" >&2; }
kc_die() { printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# Installs the missing packages: one `apt-get update`, one `apt-get install`,
# and nothing at all (not even a line of output) when everything is there.
kc_install_deps() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  kc_log "installing: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null || kc_die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || kc_die "apt-get install ${missing[*]} failed"
}

# Configures (once) and builds a CMake tree; extra arguments go to cmake -S.
kc_build() {
  local dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$KC_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE="${KC_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null \
      || kc_die "cmake configure of $dir failed"
  fi
  cmake --build "$dir" -j"$(nproc)" -- --no-print-directory >"$dir/build.log" 2>&1 \
    || { tail -n 60 "$dir/build.log" >&2; kc_die "build of $dir failed (full log: $dir/build.log)"; }
}
