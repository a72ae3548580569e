#!/usr/bin/env bash
# engine.sh: a private, offline Docker Engine for lucid-cdk's end-to-end suite.
#
# Docker Engine and containerd come from Debian trixie packages, unpacked with `dpkg-deb -x` (not installed);
# runc and tini (as `docker-init`) are the host's own Debian packages. dockerd runs inside a network namespace
# that has only a loopback interface, with no bridge, no iptables and no userland proxy, so nothing it or its
# containers do can reach another address. Containers use `--network host` (that namespace's loopback) or
# `--network none`; builds need `--network=none`. The buildx and compose CLI plugins come from
# assets/e2e/setup-docker-tools.sh.
#
# Usage: assets/e2e/engine.sh start        start the engine (no-op when it runs already)
#        assets/e2e/engine.sh stop         remove its containers, stop it, unmount its namespace (idempotent;
#                                           safe in `trap '... stop' EXIT`)
#        assets/e2e/engine.sh status       "running" or "stopped" (exit code 0 or 3), with versions
#        eval "$(assets/e2e/engine.sh env)"   export DOCKER_HOST and DOCKER_CONFIG (and PATH for the client)
#        assets/e2e/engine.sh exec CMD...  run CMD in the engine's network namespace, e.g.
#                                           `engine.sh exec curl -s http://127.0.0.1:8080/health`
#        assets/e2e/engine.sh docker ARGS...  run the docker client against the engine
#
# Needs root, and Debian (apt-get, dpkg-deb, unshare, nsenter). See lib.sh for the folders and environment.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LUCID_LOG_PREFIX=engine

E=$WORK/engine
NETNS=$E/netns                 # bind mount of the loopback-only network namespace
EXEC_ROOT=$E/exec              # dockerd's exec root (sockets, netns, containerd state)
DATA_ROOT=$E/data              # images, containers, build cache
SOCK=$E/docker.sock
PIDFILE=$E/dockerd.pid
CONFIG=$E/docker-config        # the client's DOCKER_CONFIG: cli-plugins linked from setup-docker-tools.sh
BIN=$E/bin                     # dockerd's PATH: unpacked engine binaries, runc, docker-init

# The docker client: the machine's own, or the one setup-docker-tools.sh unpacked next to the plugins.
client_path() {
  if command -v docker >/dev/null 2>&1; then return; fi
  [ -x "$CACHE/docker-tools/bin/docker" ] && echo "$CACHE/docker-tools/bin"
}

print_env() {
  local extra
  extra=$(client_path || true)
  echo "export DOCKER_HOST='unix://$SOCK'"
  echo "export DOCKER_CONFIG='$CONFIG'"
  [ -z "$extra" ] || echo "export PATH='$extra':\"\$PATH\""
}

client() {
  local extra
  extra=$(client_path || true)
  DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$CONFIG" PATH="${extra:+$extra:}$PATH" docker "$@"
}

# The pid of our dockerd when it runs (checked by name, so a recycled pid is never taken for it).
dockerd_pid() {
  local pid
  [ -f "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] && echo "$pid"
}

is_running() { dockerd_pid >/dev/null && client version >/dev/null 2>&1; }

# Host packages: runc and tini from the host's Debian release, the tools to unpack and enter namespaces, and
# the ones standins.sh needs (debootstrap, zstd, dpkg-scanpackages).
host_packages() {
  local missing=()
  command -v runc >/dev/null || missing+=(runc)
  [ -x /usr/bin/tini-static ] || missing+=(tini)
  command -v nsenter >/dev/null || missing+=(util-linux)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v curl >/dev/null || missing+=(curl)
  # and what standins.sh builds images with
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v zstd >/dev/null || missing+=(zstd)
  command -v dpkg-scanpackages >/dev/null || missing+=(dpkg-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Docker Engine and containerd from Debian trixie, unpacked into $E/pkgs (again only when the .debs change).
engine_binaries() {
  apt_lists "$SUITE"
  local debs stamp
  debs=$(fetch_debs "$SUITE" docker.io containerd)
  stamp=$(xargs -n1 basename <<<"$debs" | sort | tr '\n' ' ')
  if [ "$(cat "$E/pkgs/.debs" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$E/pkgs"
    mkdir -p "$E/pkgs"
    local f
    for f in $debs; do dpkg-deb -x "$f" "$E/pkgs"; done
    echo "$stamp" >"$E/pkgs/.debs"
  fi
  mkdir -p "$BIN"
  local x=$E/pkgs
  ln -sfn "$x/usr/sbin/dockerd" "$x/usr/bin/containerd" "$x/usr/bin/containerd-shim-runc-v2" "$x/usr/bin/ctr" "$BIN/"
  [ ! -e "$x/usr/sbin/docker-proxy" ] || ln -sfn "$x/usr/sbin/docker-proxy" "$BIN/"
  # trixie's runc needs a newer glibc than bookworm's; the host's runc works with this engine.
  ln -sfn "$(command -v runc)" "$BIN/runc"
  ln -sfn /usr/bin/tini-static "$BIN/docker-init"
}

# The buildx and compose plugins, from the project's own setup script, linked into our client config.
cli_plugins() {
  local tools
  tools=$("$LUCID_E2E_DIR/setup-docker-tools.sh" | tail -n 1)
  [ -x "$tools/cli-plugins/docker-buildx" ] || die "setup-docker-tools.sh gave no docker-buildx in $tools"
  mkdir -p "$CONFIG"
  ln -sfn "$tools/cli-plugins" "$CONFIG/cli-plugins"
}

start_netns() {
  if mountpoint -q "$NETNS" 2>/dev/null; then return; fi
  touch "$NETNS"
  unshare --net="$NETNS" true
  nsenter --net="$NETNS" ip link set lo up
}

start() {
  need_root
  if is_running; then log "already running (pid $(dockerd_pid))"; return; fi
  # A dockerd that runs but does not answer is stopped before starting afresh.
  dockerd_pid >/dev/null && stop
  mkdir -p "$E/logs" "$EXEC_ROOT" "$DATA_ROOT"
  host_packages
  engine_binaries
  cli_plugins
  start_netns
  # An empty daemon.json keeps a machine-wide /etc/docker/daemon.json from changing this engine.
  echo '{}' >"$E/daemon.json"
  # setsid: the engine outlives this script and its terminal; dockerd writes its own pidfile.
  PATH="$BIN:$PATH" setsid nsenter --net="$NETNS" "$BIN/dockerd" \
    --config-file "$E/daemon.json" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" \
    --pidfile "$PIDFILE" -H "unix://$SOCK" \
    --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --userland-proxy=false --storage-driver=overlay2 \
    >>"$E/logs/dockerd.log" 2>&1 </dev/null &
  local _
  for _ in $(seq 1 120); do
    is_running && break
    sleep 0.5
  done
  is_running || { tail -n 20 "$E/logs/dockerd.log" >&2; die "dockerd did not start (log: $E/logs/dockerd.log)"; }
  log "running: $(client version -f 'engine {{.Server.Version}}, client {{.Client.Version}}'), $(client buildx version | cut -d' ' -f1,2), compose $(client compose version --short)"
}

# Processes of our engine that dockerd may leave behind: its containerd and the shims that name its socket.
leftovers() {
  local p cmd
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null || true)
    case $cmd in
      *"$EXEC_ROOT/containerd/"*) echo "${p#/proc/}" ;;
    esac
  done
}

wait_gone() {
  local pid=$1 _
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  return 1
}

stop() {
  local pid
  if pid=$(dockerd_pid); then
    local ids
    ids=$(client ps -aq 2>/dev/null || true)
    # shellcheck disable=SC2086  # one id a word
    [ -z "$ids" ] || client rm -f $ids >/dev/null 2>&1 || true
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" || { log "dockerd $pid ignored SIGTERM; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  for pid in $(leftovers); do
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$PIDFILE"
  # Mounts the engine leaves: its own nsfs mount, then overlays of a dockerd that was killed.
  local m
  while IFS= read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(awk -v r="$E/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -f "$NETNS"
  return 0
}

status() {
  if is_running; then
    echo "running (pid $(dockerd_pid)): $(client version -f 'engine {{.Server.Version}}'), DOCKER_HOST=unix://$SOCK"
  else
    echo "stopped"
    return 3
  fi
}

cmd=${1:-}
[ $# -eq 0 ] || shift
case $cmd in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  exec)
    [ $# -gt 0 ] || die "usage: engine.sh exec CMD [ARG...]"
    mountpoint -q "$NETNS" 2>/dev/null || die "the engine's namespace does not exist; run engine.sh start"
    exec nsenter --net="$NETNS" "$@"
    ;;
  docker) client "$@" ;;
  *)
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2
    exit 2
    ;;
esac
