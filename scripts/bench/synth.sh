#!/usr/bin/env bash
# bench/synth.sh: how long `npx projen` takes here, side by side with an empty `projen new jsii` project
# (whose default task type-checks .projenrc.ts with ts-node), in one run, alternating, on the same machine.
# Prints the median and the spread of each; it asserts nothing (machines here are shared and noisy).
#
# Usage: scripts/bench/synth.sh [runs]     (default 7)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-7}
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

# The empty project: what `projen new jsii` writes, sharing this repository's node_modules.
cp "$repo/package.json" "$repo/tsconfig.json" "$empty/"
cp -r "$repo/projenrc" "$repo/.projen" "$empty/"
ln -s "$repo/node_modules" "$empty/node_modules"
cat >"$empty/.projenrc.ts" <<'TS'
import { cdk, javascript } from 'projen';
const project = new cdk.JsiiProject({
  author: 'bench', authorAddress: 'bench@example.invalid', defaultReleaseBranch: 'main', jsiiVersion: '~6.0.0',
  name: 'empty', packageManager: javascript.NodePackageManager.NPM, projenrcTs: true,
  repositoryUrl: 'https://example.invalid/empty.git',
});
project.synth();
TS
(cd "$empty" && git init -q . && PROJEN_DISABLE_POST=1 npx projen >/dev/null 2>&1)

time_once() { # dir -> seconds
  local start end
  start=$(date +%s%N)
  (cd "$1" && npx projen >/dev/null 2>&1)
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

a=(); b=()
for _ in $(seq 1 "$runs"); do
  a+=("$(time_once "$empty")")
  b+=("$(time_once "$repo")")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "median %.2f s (min %.2f, max %.2f, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
echo "npx projen, empty jsii project (type-checked .projenrc.ts): $(stats "${a[@]}")"
echo "npx projen, lucid-cdk + the Lucid reference stack:          $(stats "${b[@]}")"
