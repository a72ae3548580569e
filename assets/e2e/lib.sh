# lib.sh: shared settings and helpers of lucid-cdk's end-to-end scripts. Sourced, never run.
# shellcheck shell=bash disable=SC2034  # the settings are used by the scripts that source this file
#
# Folders (override with the environment):
#   LUCID_E2E_WORK   everything a run creates: engine state, root filesystems, logs  (default: ./.e2e-work)
#   LUCID_CACHE_DIR  what later runs on the same machine reuse: downloaded .debs, Debian package lists,
#                    saved stand-in images                                          (default: $HOME/.cache/lucid-cdk)
#   MIRROR           the Debian mirror; by default the one this machine's apt configuration already uses
#   LUCID_APT_MAX_AGE  seconds before the cached Debian package lists are refreshed  (default: 86400)
#
# The apt helpers below read, resolve and download packages of the architecture $ARCH, the host's unless a
# script sets it (standins.sh builds arm64 stand-ins on an amd64 host with ARCH=arm64); another architecture
# than the host's has package lists of its own.

LUCID_E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${LUCID_E2E_WORK:-$PWD/.e2e-work}
CACHE=${LUCID_CACHE_DIR:-$HOME/.cache/lucid-cdk}
# The stand-ins are Debian 13 images; the engine comes from the same release.
SUITE=trixie
HOST_ARCH=$(dpkg --print-architecture)
ARCH=$HOST_ARCH

log() { echo "${LUCID_LOG_PREFIX:-e2e}: $*" >&2; }
die() { log "error: $*"; exit 1; }

# step MESSAGE: one timing line, "[ total +since-last ] message", on stderr.
T_START=${T_START:-$(date +%s.%N)}
T_LAST=$T_START
step() {
  local now
  now=$(date +%s.%N)
  awk -v a="$now" -v s="$T_START" -v l="$T_LAST" -v m="$*" 'BEGIN { printf "[%6.1fs +%5.1fs] %s\n", a - s, a - l, m }' >&2
  T_LAST=$now
}

need_root() { [ "$(id -u)" = 0 ] || die "run as root (network namespaces, mounts and chroot need it)"; }

# The Debian mirror this machine's apt already uses: deb822 sources first, then the one-line format.
# Security mirrors are skipped: they hold only the security suites.
debian_mirror() {
  if [ -n "${MIRROR:-}" ]; then echo "$MIRROR"; return; fi
  local m
  m=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
    /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$m" ] || m=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  [ -n "$m" ] || die "no Debian mirror found in /etc/apt; set MIRROR"
  echo "$m"
}

# Options that give apt a private sources list, package lists and cache for one suite, so the host's own
# apt state is never touched. The host's dpkg status stays in use; set APT_STATUS to point at another one.
apt_opts() {
  local suite=$1 d
  d=$(apt_dir "$suite")
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  if [ ! -s "$d/sources.list" ]; then
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg signed=""
    [ -f "$keyring" ] && signed="[signed-by=$keyring] "
    echo "deb ${signed}$(debian_mirror) $suite main" >"$d/sources.list"
  fi
  [ "$ARCH" = "$HOST_ARCH" ] || echo "-o APT::Architecture=$ARCH -o APT::Architectures=$ARCH"
  echo "-o APT::Sandbox::User=root -o Dir::Etc::sourcelist=$d/sources.list -o Dir::Etc::sourceparts=-" \
    "-o Dir::State::Lists=$d/lists -o Dir::Cache=$d/cache" \
    "${APT_STATUS:+-o Dir::State::status=$APT_STATUS}"
}
# The private apt state of a suite: the host architecture's in $CACHE/apt/SUITE, another's in SUITE-$ARCH.
apt_dir() {
  if [ "$ARCH" = "$HOST_ARCH" ]; then echo "$CACHE/apt/$1"; else echo "$CACHE/apt/$1-$ARCH"; fi
}

# shellcheck disable=SC2046  # the options are words on purpose
aptx() { local suite=$1; shift; apt-get -q $(apt_opts "$suite") "$@"; }
# shellcheck disable=SC2046
aptc() { local suite=$1; shift; apt-cache $(apt_opts "$suite") "$@"; }

# apt_lists SUITE: download the suite's package lists when missing or older than LUCID_APT_MAX_AGE.
apt_lists() {
  local suite=$1 stamp
  stamp=$(apt_dir "$suite")/updated
  local age=${LUCID_APT_MAX_AGE:-86400}
  if [ -f "$stamp" ] && [ $(($(date +%s) - $(stat -c %Y "$stamp"))) -lt "$age" ]; then return; fi
  aptx "$suite" update >/dev/null || die "apt-get update of Debian $suite failed"
  rm -rf "$CACHE/apt/memo"
  touch "$stamp"
}

# memo SUITE CMD...: CMD's output, kept in $CACHE/apt/memo until the suite's package lists change. For the
# pure functions of the lists below (each apt call takes seconds); the key is the lists' InRelease and CMD.
memo() {
  local suite=$1; shift
  local key dir=$CACHE/apt/memo
  key=$({ cat "$(apt_dir "$suite")/lists/"*_InRelease 2>/dev/null; echo "$ARCH"; printf '%s\n' "$@"; } |
    sha256sum | cut -c1-32)
  if [ ! -f "$dir/$key" ]; then
    mkdir -p "$dir"
    "$@" >"$dir/$key.$$" || { rm -f "$dir/$key.$$"; return 1; }
    mv "$dir/$key.$$" "$dir/$key"
  fi
  cat "$dir/$key"
}

# deb_versions SUITE PKG...: "name version file" for each package, as the suite's lists resolve it; file is
# the name `apt-get download` gives the .deb (an epoch's colon written %3a).
deb_versions() { memo "$1" _deb_versions "$@"; }
_deb_versions() {
  local suite=$1; shift
  aptc "$suite" show --no-all-versions "$@" 2>/dev/null |
    awk '/^Package:/ { p = $2 } /^Version:/ { v = $2 } /^Architecture:/ { a = $2 }
      /^$/ && p != "" { f = v; sub(/:/, "%3a", f); print p, v, p "_" f "_" a ".deb"; p = "" }'
}

# fetch_debs SUITE PKG...: make sure the .debs are in $CACHE/debs/SUITE (downloading only missing ones) and
# print their paths, one a line, in the order asked.
fetch_debs() {
  local suite=$1; shift
  local dir=$CACHE/debs/$suite
  mkdir -p "$dir"
  local lines missing=() name version file
  lines=$(deb_versions "$suite" "$@")
  for name in "$@"; do
    grep -q "^$name " <<<"$lines" || die "package $name not found in Debian $suite"
  done
  while read -r name version file; do
    [ -f "$dir/$file" ] || missing+=("$name=$version")
  done <<<"$lines"
  if [ ${#missing[@]} -gt 0 ]; then
    (cd "$dir" && aptx "$suite" download "${missing[@]}" >/dev/null) || die "download failed: ${missing[*]}"
  fi
  for name in "$@"; do
    awk -v n="$name" -v d="$dir" '$1 == n { print d "/" $3; exit }' <<<"$lines"
  done
}

# closure SUITE STATUS PKG...: the packages apt would add to a system whose dpkg status file is STATUS
# (an empty file for an empty system) to install PKG..., with all dependencies and no recommends, one name a
# line. Alternatives and virtual packages are resolved by apt itself, as a build's apt-get would.
closure() {
  # The memo's key holds the status file's content through its hash.
  memo "$1" _closure "$1" "$2" "$(sha256sum <"$2" | cut -c1-32)" "${@:3}"
}
_closure() {
  local suite=$1 status=$2; shift 3
  APT_STATUS=$status aptx "$suite" install --simulate --no-install-recommends -o Debug::NoLocking=1 \
    -o Dir::State::extended_states=/dev/null -o APT::Get::Assume-Yes=1 "$@" 2>/dev/null |
    awk '$1 == "Inst" { print $2 }' | sort -u
}
