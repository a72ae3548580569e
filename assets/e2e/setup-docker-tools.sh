#!/usr/bin/env bash
# setup-docker-tools.sh: make the docker CLI plugins that lucid-cdk's tests call available, from Debian packages.
#
# `docker buildx bake --print` and `docker compose config` read the generated files without an engine, but
# Debian bookworm packages neither plugin. Debian sid (and trixie) package both as Go binaries that run on
# bookworm, so this script downloads `docker-buildx` and `docker-compose` with `apt-get download` through a
# private apt state (the host's apt configuration is left untouched), unpacks them, and prepares a
# DOCKER_CONFIG folder whose `cli-plugins/` holds them. Without a docker client on the machine, it unpacks
# trixie's `docker-cli` too.
#
# Usage: assets/e2e/setup-docker-tools.sh            prints the DOCKER_CONFIG folder on stdout (last line)
#        eval "$(assets/e2e/setup-docker-tools.sh --env)"   exports DOCKER_CONFIG (and PATH when a client was fetched)
#
# Environment:
#   LUCID_CACHE_DIR      cache for downloads and unpacked tools     (default: $HOME/.cache/lucid-cdk)
#   LUCID_TOOLS_SUITE    Debian suite to take the plugins from      (default: sid, then trixie as a fallback)
#   MIRROR               Debian mirror                              (default: the one this machine's apt uses)
set -euo pipefail

CACHE=${LUCID_CACHE_DIR:-$HOME/.cache/lucid-cdk}
TOOLS=$CACHE/docker-tools
CONFIG=$TOOLS/config
MODE=${1:-}

log() { echo "setup-docker-tools: $*" >&2; }

emit() {
  if [ "$MODE" = --env ]; then
    echo "export DOCKER_CONFIG='$CONFIG'"
    [ ! -x "$TOOLS/bin/docker" ] || echo "export PATH='$TOOLS/bin':\"\$PATH\""
  else
    echo "$CONFIG"
  fi
}

plugins_work() {
  local docker=docker
  command -v docker >/dev/null 2>&1 || docker=$TOOLS/bin/docker
  [ -x "$CONFIG/cli-plugins/docker-buildx" ] && [ -x "$CONFIG/cli-plugins/docker-compose" ] || return 1
  DOCKER_CONFIG=$CONFIG "$docker" buildx version >/dev/null 2>&1 && DOCKER_CONFIG=$CONFIG "$docker" compose version >/dev/null 2>&1
}

if plugins_work; then emit; exit 0; fi

# The Debian mirror this machine's apt already uses (deb822 sources first, then the one-line format).
if [ -z "${MIRROR:-}" ]; then
  MIRROR=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$MIRROR" ] || MIRROR=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
fi
[ -n "$MIRROR" ] || { log "no Debian mirror found in /etc/apt; set MIRROR"; exit 1; }

command -v dpkg-deb >/dev/null || { log "dpkg-deb is required"; exit 1; }

# apt-get with a private sources list, lists and cache for one suite.
aptx() {
  local suite=$1; shift
  local d=$CACHE/apt/$suite
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  local opts=""
  [ -f "$keyring" ] && opts="[signed-by=$keyring] "
  echo "deb ${opts}$MIRROR $suite main" >"$d/sources.list"
  apt-get -q -o APT::Sandbox::User=root -o Dir::Etc::sourcelist="$d/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" "$@"
}

fetch() {
  local suite=$1; shift
  local dl=$CACHE/debs/$suite
  mkdir -p "$dl"
  log "updating the package lists of Debian $suite"
  aptx "$suite" update >/dev/null
  log "downloading $* from Debian $suite"
  (cd "$dl" && aptx "$suite" download "$@" >/dev/null)
  local x=$TOOLS/unpacked-$suite
  rm -rf "$x"
  mkdir -p "$x"
  local pkg f
  for pkg in "$@"; do
    f=$(ls -t "$dl/${pkg}"_*.deb | head -n 1)
    dpkg-deb -x "$f" "$x"
  done
  echo "$x"
}

install_from() {
  local suite=$1 x
  x=$(fetch "$suite" docker-buildx docker-compose) || return 1
  mkdir -p "$CONFIG/cli-plugins"
  cp "$x/usr/libexec/docker/cli-plugins/docker-buildx" "$x/usr/libexec/docker/cli-plugins/docker-compose" "$CONFIG/cli-plugins/"
}

if ! command -v docker >/dev/null 2>&1 && [ ! -x "$TOOLS/bin/docker" ]; then
  x=$(fetch trixie docker-cli)
  mkdir -p "$TOOLS/bin"
  cp "$x/usr/bin/docker" "$TOOLS/bin/docker"
fi

suites=${LUCID_TOOLS_SUITE:-sid trixie}
for suite in $suites; do
  if install_from "$suite" && plugins_work; then
    log "docker buildx and compose plugins from Debian $suite are in $CONFIG/cli-plugins"
    emit
    exit 0
  fi
  log "the plugins from Debian $suite do not run here; trying the next suite"
done
log "could not install working docker buildx and compose plugins from: $suites"
exit 1
