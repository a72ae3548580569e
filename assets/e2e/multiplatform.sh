#!/usr/bin/env bash
# multiplatform.sh: build a generated docker-bake.hcl, unmodified, for linux/amd64 and linux/arm64 on the engine
# of engine.sh, push every image to its loopback registry, check that each pushed tag is a manifest list holding
# both platforms, and print the build times.
#
# Usage: assets/e2e/multiplatform.sh [DIR]    DIR holds docker-bake.hcl (default: examples/lucid)
#   LUCID_MP_PLATFORMS    the platforms                    (default: linux/amd64,linux/arm64)
#   LUCID_MP_PER_PLATFORM=0  skip the build of each platform alone (then only the joint build runs)
#   LUCID_MP_TARGETS      the bake targets to build        (default: every target of the group "default")
#
# First, unless LUCID_MP_PER_PLATFORM=0, every target is built for one platform at a time (`--set
# '*.output=type=cacheonly'`: nothing is exported), to time each platform (wall) and each image on it (the sum of
# the step times BuildKit reports for the image's stages); the second platform reuses the stages that build on
# $BUILDPLATFORM, as a multi-platform build shares them. Then the bake file is built for all platforms at once
# with `--push` and REGISTRY=$LUCID_REGISTRY/pickme (warm from the first part, when it ran).
# Services take their bases through bake's `target:` contexts, so no base has to be pushed before them.
#
# Prints the times per image and platform, the joint build's time, and per pushed tag its platforms; exits 1 when a
# tag lacks a platform. The engine must run with its registry and an arm64 emulator (engine.sh start) and have
# the stand-ins (standins.sh --all). Needs root.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LUCID_LOG_PREFIX=multiplatform

DIR=$(cd "${1:-$LUCID_E2E_DIR/../../examples/lucid}" && pwd)
PLATFORMS=${LUCID_MP_PLATFORMS:-linux/amd64,linux/arm64}
need_root
"$LUCID_E2E_DIR/engine.sh" status >/dev/null || die "the engine is not running: assets/e2e/engine.sh start"
eval "$("$LUCID_E2E_DIR/engine.sh" env)"
[ -n "${LUCID_REGISTRY:-}" ] || die "the engine serves no registry (LUCID_REGISTRY_PORT=0?)"
[ -f "$DIR/docker-bake.hcl" ] || die "no docker-bake.hcl in $DIR"
cd "$DIR"
LOGS=$WORK/multiplatform
mkdir -p "$LOGS"
export REGISTRY=$LUCID_REGISTRY/pickme

now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

# bake LOG ARGS...: docker buildx bake of the file, builds offline; output in $LOGS/LOG.log. The file is read
# unmodified; a second file gives each target `network = "none"` (this buildx ignores `--set '*.network=none'`,
# and the engine has no bridge for RUN steps).
bake() {
  local log=$LOGS/$1.log; shift
  docker buildx bake -f docker-bake.hcl -f "$LOGS/offline.hcl" --progress=plain "$@" >"$log" 2>&1 ||
    { tail -n 30 "$log" >&2; die "docker buildx bake $* failed (log: $log)"; }
}

# The targets, bases first (the group "base" when the file has it), then the rest of the group "default".
bases=$(docker buildx bake -f docker-bake.hcl --print base 2>/dev/null | jq -r '.group.base.targets[]?' || true)
targets=${LUCID_MP_TARGETS:-$(docker buildx bake -f docker-bake.hcl --print 2>/dev/null |
  jq -r --arg b "$bases" '($b | split("\n") | map(select(. != ""))) as $b | $b[], ((.group.default.targets // []) - $b)[]')}
[ -n "$targets" ] || die "no targets in $DIR/docker-bake.hcl"
for t in $(docker buildx bake -f docker-bake.hcl --print 2>/dev/null | jq -r '.target | keys[]'); do
  printf 'target "%s" {\n  network = "none"\n}\n' "$t"
done >"$LOGS/offline.hcl"

# step_seconds LOG: "target seconds" per target, the sum of the times BuildKit reports for the steps it ran for
# it (vertices named "[target stage n/m] ..."; cached steps count nothing; a step two targets share counts once,
# for the first).
step_seconds() {
  awk '
    /^#[0-9]+ \[/ { id = $1; t = $2; sub(/^\[/, "", t); if (!(id in owner) && t !~ /\]$/) owner[id] = t }
    /^#[0-9]+ DONE [0-9.]+s$/ { id = $1; s = $3; sub(/s$/, "", s); if (id in owner) sum[owner[id]] += s }
    END { for (t in sum) printf "%s %.1f\n", t, sum[t] }' "$1"
}

declare -A secs=() walls=()
if [ "${LUCID_MP_PER_PLATFORM:-1}" != 0 ]; then
  for platform in ${PLATFORMS//,/ }; do
    t0=$(now)
    # shellcheck disable=SC2086  # one target a word
    PLATFORMS=$platform bake "${platform//\//-}" $targets --set '*.output=type=cacheonly'
    walls[$platform]=$(since "$t0")
    echo "$platform alone: ${walls[$platform]}s (wall)"
    while read -r t v; do secs[$t/$platform]=$v; done < <(step_seconds "$LOGS/${platform//\//-}.log")
  done
fi

t0=$(now)
# shellcheck disable=SC2086  # one target a word
PLATFORMS=$PLATFORMS bake push $targets --push
joint=$(since "$t0")
echo "joint build of $(wc -w <<<"$targets") targets for $PLATFORMS with --push: ${joint}s"

# Every pushed tag: a manifest list with every platform.
fail=0
want=$(tr ',' '\n' <<<"$PLATFORMS" | sort)
for tag in $(docker buildx bake -f docker-bake.hcl --print $targets 2>/dev/null | jq -r '.target[].tags[]' | sort -u); do
  got=$("$LUCID_E2E_DIR/engine.sh" exec docker buildx imagetools inspect --raw "$tag" |
    jq -r '.manifests[]? | select(.platform.os != "unknown") | "\(.platform.os)/\(.platform.architecture)"' | sort -u)
  if [ "$got" = "$want" ]; then
    echo "pushed $tag: $(tr '\n' ' ' <<<"$got")"
  else
    echo "pushed $tag: $(tr '\n' ' ' <<<"${got:-no manifest list}")— expected $(tr '\n' ' ' <<<"$want")"
    fail=1
  fi
done

if [ ${#walls[@]} -gt 0 ]; then
  echo "per image and platform, seconds of the steps BuildKit ran for it (each platform built alone):"
  for t in $targets; do
    line=$(printf '%-28s' "$t")
    for platform in ${PLATFORMS//,/ }; do line+=$(printf ' %s %6s' "$platform" "${secs[$t/$platform]:-0}"); done
    echo "$line"
  done
  for platform in ${PLATFORMS//,/ }; do echo "wall $platform alone: ${walls[$platform]}s"; done
fi
echo "wall joint build and push: ${joint}s"
exit $fail
