#!/usr/bin/env bash
# service-repo.sh: a service repository's own end-to-end run, as its users run it. Packs lucid-cdk, creates a
# repository from it with `projen new --from`, and runs `npx projen e2e` there: the example service is built,
# run and checked on the offline engine, from the files that repository's first synthesis wrote.
# Usage: npx projen e2e:service-repo   (root, Debian; after `npx projen compile`)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/lucid-service-repo.XXXXXX)   # short: the engine's unix sockets live below it
trap 'rm -rf "$work"' EXIT
version=$(node -p "require('$repo/node_modules/projen/package.json').version")

(cd "$repo" && npm pack --pack-destination "$work" >/dev/null 2>&1)
tarball=$(ls "$work"/lucid-cdk-*.tgz)
mkdir "$work/my-service"
cd "$work/my-service"
started=$(date +%s)
# As a user runs it, not as CI: under CI=true projen installs with npm ci, which needs a lockfile not there yet.
env -u CI npx --yes "projen@$version" new --from "lucid-cdk@file:$tarball" --projen-version "$version" --no-git >"$work/new.log" 2>&1 ||
  { tail -n 40 "$work/new.log"; exit 1; }
echo "projen new --from lucid-cdk: $(( $(date +%s) - started )) s"
npx projen e2e
