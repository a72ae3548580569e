#!/usr/bin/env bash
# setup-browser.sh: make the headless browser that lucid-cdk's diagram test renders STACK.md in available.
#
# test/integ/overview-render.test.ts renders every Mermaid diagram of the reference stack's STACK.md in
# Debian's Chromium. This script installs the `chromium` package from the machine's own apt sources (the
# mirror is whatever /etc/apt names; none is written here). Idempotent: with /usr/bin/chromium present it does
# nothing. Needs root, or sudo without a password.
#
# Usage: scripts/setup-browser.sh
set -euo pipefail

BROWSER=/usr/bin/chromium

log() { echo "setup-browser: $*" >&2; }

if [ -x "$BROWSER" ]; then
  log "$BROWSER is installed: $("$BROWSER" --version 2>/dev/null || echo 'version unknown')"
  exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "installing chromium needs root or sudo"; exit 1; }
  as_root=(sudo -n)
fi

started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
log "installing chromium from this machine's apt sources"
"${as_root[@]}" apt-get update -q >/dev/null
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium >/dev/null
[ -x "$BROWSER" ] || { log "the chromium package did not install $BROWSER"; exit 1; }
log "$("$BROWSER" --version 2>/dev/null || echo chromium) installed in $(( $(date +%s) - started ))s"
