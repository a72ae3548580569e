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
# The engine keeps its images in containerd's image store (daemon.json's containerd-snapshotter feature), which
# holds multi-platform images: `docker buildx build --platform linux/amd64,linux/arm64` with the default docker
# driver builds one image for both. On an amd64 host, start also registers Debian bookworm's qemu-aarch64-static
# as the kernel's binfmt_misc handler for arm64 programs (flag F, so it works inside containers), unless a
# qemu-aarch64 handler exists already, and stop removes only a handler start registered. And it serves a
# registry (Debian's docker-registry) on 127.0.0.1:$LUCID_REGISTRY_PORT inside the engine's namespace, so the
# engine, BuildKit and `engine.sh exec` reach it there (127.0.0.0/8 is an insecure registry by default); its
# files live in $LUCID_E2E_WORK/registry. LUCID_BINFMT=0 or LUCID_REGISTRY_PORT=0 leave either out.
#
# Usage: assets/e2e/engine.sh start        start the engine (no-op when it runs already)
#        assets/e2e/engine.sh stop         remove its containers, stop it, unmount its namespace (idempotent;
#                                           safe in `trap '... stop' EXIT`)
#        assets/e2e/engine.sh status       "running" or "stopped" (exit code 0 or 3), with versions
#        eval "$(assets/e2e/engine.sh env)"   export DOCKER_HOST, DOCKER_CONFIG and LUCID_REGISTRY (and PATH for
#                                           the client)
#        assets/e2e/engine.sh exec CMD...  run CMD in the engine's network namespace, e.g.
#                                           `engine.sh exec curl -s http://127.0.0.1:8080/health`
#        assets/e2e/engine.sh docker ARGS...  run the docker client against the engine
#
# Needs root, and Debian (apt-get, dpkg-deb, unshare, nsenter). See lib.sh for the folders and environment.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LUCID_LOG_PREFIX=engine

# LUCID_ENGINE_INSTANCE=NAME: a second engine (own data root, exec root, socket and binaries, in
# $WORK/engine-NAME) that joins the network namespace of the first and uses its registry; it neither creates
# nor removes that namespace, the registry or the binfmt handler. The suite runs BuildKit's build checks on such
# an engine of Debian forky (LUCID_ENGINE_SUITE=forky), whose Dockerfile frontend has them.
INSTANCE=${LUCID_ENGINE_INSTANCE:-}
case $INSTANCE in -* | *[!a-z0-9-]*) die "LUCID_ENGINE_INSTANCE must be a lowercase name ([a-z0-9-])" ;; esac
PRIMARY=$WORK/engine
E=$PRIMARY${INSTANCE:+-$INSTANCE}
NETNS=$PRIMARY/netns           # bind mount of the loopback-only network namespace (the first engine's)
ENGINE_SUITE=${LUCID_ENGINE_SUITE:-$SUITE}
EXEC_ROOT=$E/exec              # dockerd's exec root (sockets, netns, containerd state)
DATA_ROOT=$E/data              # images, containers, build cache
SOCK=$E/docker.sock
PIDFILE=$E/dockerd.pid
CONFIG=$E/docker-config        # the client's DOCKER_CONFIG: cli-plugins linked from setup-docker-tools.sh
BIN=$E/bin                     # dockerd's PATH: unpacked engine binaries, runc, docker-init
REGISTRY_PORT=${LUCID_REGISTRY_PORT:-5000}
REGISTRY_DIR=$WORK/registry    # the registry's filesystem root, config and pidfile
REGISTRY_PIDFILE=$PRIMARY/registry.pid
BINFMT=/proc/sys/fs/binfmt_misc
BINFMT_MARK=$PRIMARY/binfmt.registered   # what start registered or mounted, so stop undoes exactly that

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
  [ "$REGISTRY_PORT" = 0 ] || echo "export LUCID_REGISTRY='127.0.0.1:$REGISTRY_PORT'"
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

# Docker Engine and containerd from Debian $ENGINE_SUITE, unpacked into $E/pkgs (again only when the .debs change).
# LUCID_ENGINE_SUITE picks another suite: trixie's engine (26.1) has BuildKit 0.13, whose Dockerfile frontend
# cannot run `docker buildx bake --call check` (lint came with frontend 1.8, BuildKit 0.14).
engine_binaries() {
  apt_lists "$ENGINE_SUITE"
  local debs stamp
  debs=$(fetch_debs "$ENGINE_SUITE" docker.io containerd)
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

# ---- arm64 programs through qemu-user-static ---------------------------------------------------------------

# The handler's name, as Debian's qemu-user-static names it in usr/lib/binfmt.d.
BINFMT_NAME=qemu-aarch64

binfmt_register() {
  [ "${LUCID_BINFMT:-1}" != 0 ] || return 0
  [ "$ARCH" != arm64 ] || return 0
  rm -f "$BINFMT_MARK"
  if ! mountpoint -q "$BINFMT"; then
    mount -t binfmt_misc binfmt_misc "$BINFMT" || die "cannot mount binfmt_misc on $BINFMT"
    echo mounted >>"$BINFMT_MARK"
  fi
  if [ -e "$BINFMT/$BINFMT_NAME" ]; then
    log "a $BINFMT_NAME handler is registered already ($(awk '/^interpreter/ { print $2 }' "$BINFMT/$BINFMT_NAME")); left as it is"
    return
  fi
  apt_lists bookworm
  local deb dir conf line
  deb=$(fetch_debs bookworm qemu-user-static)
  dir=$E/qemu
  if [ "$(cat "$dir/.deb" 2>/dev/null)" != "$(basename "$deb")" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    dpkg-deb -x "$deb" "$dir"
    basename "$deb" >"$dir/.deb"
  fi
  conf=$dir/usr/lib/binfmt.d/$BINFMT_NAME.conf
  [ -f "$conf" ] && [ -x "$dir/usr/bin/qemu-aarch64-static" ] || die "$(basename "$deb") has no $BINFMT_NAME handler"
  # :name:type:offset:magic:mask:interpreter:flags — the unpacked interpreter, and F: the kernel opens it now,
  # so it runs inside containers and chroots that do not have it.
  line=$(grep -v '^#' "$conf" | grep -m1 ":$BINFMT_NAME:" |
    awk -F: -v OFS=: -v i="$dir/usr/bin/qemu-aarch64-static" '{ $7 = i; $8 = "F"; print }')
  printf '%s' "$line" >"$BINFMT/register" || die "registering $BINFMT_NAME with binfmt_misc failed"
  echo registered >>"$BINFMT_MARK"
  log "registered $BINFMT_NAME: $dir/usr/bin/qemu-aarch64-static (flags F)"
}

binfmt_unregister() {
  [ -f "$BINFMT_MARK" ] || return 0
  if grep -qx registered "$BINFMT_MARK" && [ -e "$BINFMT/$BINFMT_NAME" ] &&
    grep -q "^interpreter $E/qemu/" "$BINFMT/$BINFMT_NAME"; then
    echo -1 >"$BINFMT/$BINFMT_NAME" || log "could not remove the $BINFMT_NAME handler"
  fi
  # Unmounted only when start mounted it and no other handler was registered since.
  if grep -qx mounted "$BINFMT_MARK" && mountpoint -q "$BINFMT" &&
    [ -z "$(find "$BINFMT" -mindepth 1 -maxdepth 1 -not -name register -not -name status)" ]; then
    umount "$BINFMT" || true
  fi
  rm -f "$BINFMT_MARK"
}

# ---- the loopback registry ---------------------------------------------------------------------------------

registry_pid() {
  local pid
  [ -f "$REGISTRY_PIDFILE" ] || return 1
  pid=$(cat "$REGISTRY_PIDFILE")
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = docker-registry ] && echo "$pid"
}

registry_start() {
  [ "$REGISTRY_PORT" != 0 ] || return 0
  registry_pid >/dev/null && return
  local deb dir=$E/registry-pkg
  deb=$(fetch_debs "$SUITE" docker-registry)
  if [ "$(cat "$dir/.deb" 2>/dev/null)" != "$(basename "$deb")" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    dpkg-deb -x "$deb" "$dir"
    basename "$deb" >"$dir/.deb"
  fi
  mkdir -p "$REGISTRY_DIR/data"
  cat >"$REGISTRY_DIR/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
EOF
  # shellcheck disable=SC2016  # $$ and $0 belong to the inner sh
  setsid nsenter --net="$NETNS" sh -c 'echo $$ >"$0" && exec "$@"' "$REGISTRY_PIDFILE" \
    "$dir/usr/bin/docker-registry" serve "$REGISTRY_DIR/config.yml" >>"$E/logs/registry.log" 2>&1 </dev/null &
  local _
  for _ in $(seq 1 40); do
    nsenter --net="$NETNS" curl -fs -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/" && return
    sleep 0.25
  done
  tail -n 20 "$E/logs/registry.log" >&2
  die "the registry did not answer on 127.0.0.1:$REGISTRY_PORT (log: $E/logs/registry.log)"
}

registry_stop() {
  local pid
  pid=$(registry_pid) || { rm -f "$REGISTRY_PIDFILE"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$REGISTRY_PIDFILE"
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
  if [ -n "$INSTANCE" ]; then
    mountpoint -q "$NETNS" 2>/dev/null || die "engine $INSTANCE joins the first engine's namespace, which does not exist: start that first"
  else
    start_netns
    binfmt_register
    registry_start
  fi
  # A daemon.json of its own keeps a machine-wide /etc/docker/daemon.json from changing this engine; it turns on
  # containerd's image store, the one that holds multi-platform images.
  echo '{ "features": { "containerd-snapshotter": true } }' >"$E/daemon.json"
  # setsid: the engine outlives this script and its terminal; dockerd writes its own pidfile.
  PATH="$BIN:$PATH" setsid nsenter --net="$NETNS" "$BIN/dockerd" \
    --config-file "$E/daemon.json" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" \
    --pidfile "$PIDFILE" -H "unix://$SOCK" \
    --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --userland-proxy=false --storage-driver=overlayfs \
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
  [ -n "$INSTANCE" ] || registry_stop
  [ -n "$INSTANCE" ] || binfmt_unregister
  # Mounts the engine leaves: its own nsfs mount, then overlays of a dockerd that was killed (the first engine's
  # folder holds the namespace too; a second engine's folder only its own mounts).
  local m
  while IFS= read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(awk -v r="$E/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r)
  [ -n "$INSTANCE" ] || rm -f "$NETNS"
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
