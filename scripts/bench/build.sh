#!/usr/bin/env bash
# bench/build.sh: build times of the Lucid reference stack on the offline engine of assets/e2e, in one run:
#   1. cold: the whole stack through `docker buildx bake` (one graph, base images fed in as named contexts);
#   2. cold: the same images one by one with `docker build`, bases first (what the old build scripts did);
#   3. warm: bake again after changing one service's source file.
# "Cold" means no build cache and none of the stack's images (the stand-in base images stay). Prints the
# figures and their ratios; asserts nothing. Needs root, like the e2e suite; stops the engine it starts.
#
# Usage: scripts/bench/build.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
e2e=$repo/assets/e2e
app=$repo/examples/lucid
export LUCID_E2E_WORK=${LUCID_E2E_WORK:-$repo/.e2e-work}
work=$LUCID_E2E_WORK
mkdir -p "$work"

bash "$repo/assets/e2e/setup-docker-tools.sh" >/dev/null
bash "$e2e/engine.sh" start >/dev/null
changed=""
cleanup() {
  [ -z "$changed" ] || mv "$changed.bench-orig" "$changed"
  bash "$e2e/engine.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
eval "$(bash "$e2e/engine.sh" env)"

# The stack's targets and tags, and the stand-ins its Dockerfiles build FROM (every FROM not built here).
printed=$(cd "$app" && docker buildx bake -f docker-bake.hcl --print 2>/dev/null)
targets=$(node -e 'console.log(Object.keys(JSON.parse(process.argv[1]).target).join(" "))' "$printed")
tags=$(node -e 'const t = JSON.parse(process.argv[1]).target; console.log(Object.values(t).map(x => x.tags[0]).join(" "))' "$printed")
bases=$(awk 'toupper($1) == "FROM" { print $2 }' "$app"/*/*/Dockerfile | grep -v '^pickme/' | sort -u)
# shellcheck disable=SC2086
bash "$e2e/standins.sh" $bases >/dev/null

offline=$work/offline.hcl
for t in $targets; do printf 'target "%s" {\n  network = "none"\n}\n\n' "$t"; done >"$offline"

cold() {
  docker builder prune -af >/dev/null
  for i in $tags; do docker image rm -f "$i" >/dev/null 2>&1 || true; done
}
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
bake() { (cd "$app" && PLATFORMS=linux/amd64 docker buildx bake -f docker-bake.hcl -f "$offline" --load --progress=quiet >/dev/null); }

cold
t=$(now); bake; bake_cold=$(since "$t")

# One by one, in dependency order: the bases (targets without contexts) first, then the rest.
order=$(node -e '
  const p = JSON.parse(process.argv[1]).target;
  const names = Object.keys(p);
  const first = names.filter(n => !p[n].contexts), rest = names.filter(n => p[n].contexts);
  console.log([...first, ...rest].map(n => [n, p[n].context, p[n].tags[0]].join(",")).join(" "));' "$printed")
cold
t=$(now)
for entry in $order; do
  IFS=, read -r name context tag <<<"$entry"
  (cd "$app" && docker buildx build --network=none --platform linux/amd64 --load --progress=quiet \
    --target runtime -t "$tag" "$context" >/dev/null)
done
one_by_one=$(since "$t")

# Warm: bake everything, change one service's source file, bake again.
bake
changed=$app/apps/api-gateway/app/main.py
cp -p "$changed" "$changed.bench-orig"
echo "# benchmark change $(date +%s%N)" >>"$changed"
t=$(now); bake; warm=$(since "$t")
mv "$changed.bench-orig" "$changed"; changed=""

echo "cold build of the whole stack, docker buildx bake:           ${bake_cold} s"
echo "cold build, one image at a time with docker build (in order): ${one_by_one} s"
echo "warm rebuild after changing apps/api-gateway/app/main.py:      ${warm} s"
awk -v a="$bake_cold" -v b="$one_by_one" -v w="$warm" 'BEGIN {
  printf "one-by-one / bake: %.2fx;  warm / cold bake: %.2f\n", b / a, w / a }'
