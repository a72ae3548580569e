#!/usr/bin/env bash
# build-wheel.sh: builds lucid-cdk's Python wheel into dist/python/ without PyPI.
#
# jsii-pacmak's own python build creates a venv and installs setuptools and build from PyPI, which this
# machine cannot reach. Instead pacmak writes only the Python source package (--code-only), and Debian's
# python3 builds the wheel from it with the setuptools and wheel of Debian's packages: no build isolation,
# no index, no dependencies fetched. Needs the compiled assembly (.jsii) and lib/: `npx projen compile`.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=/usr/bin/python3   # Debian's, whatever python3 comes first on PATH (a pyenv one lacks the Debian modules)
OUT=dist/python
started=$(date +%s)
log() { echo "build-wheel: $*" >&2; }
die() { log "$*"; exit 1; }

# The assembly must be compiled, current and carry the python target: pacmak writes nothing otherwise.
[ -f .jsii ] && [ -f lib/index.js ] || die ".jsii or lib/ is missing: run npx projen compile first"
stale=$(find src -name '*.ts' -newer .jsii -print -quit)
[ -z "$stale" ] || die "$stale is newer than .jsii: run npx projen compile first"
node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).targets?.python ? 0 : 1)' "$PWD/.jsii" \
  || die ".jsii has no python target: set publishToPypi in .projenrc.ts, run npx projen and npx projen compile"

# Debian's python3 with setuptools, wheel and pip, installed from Debian's mirror only when one is missing.
missing=()
[ -x "$PYTHON" ] || missing+=(python3)
if [ -x "$PYTHON" ]; then
  "$PYTHON" -c 'import setuptools' 2>/dev/null || missing+=(python3-setuptools)
  "$PYTHON" -c 'import wheel' 2>/dev/null || missing+=(python3-wheel)
  "$PYTHON" -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
else
  missing+=(python3-setuptools python3-wheel python3-pip)
fi
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages ${missing[*]}: install them with apt-get (as root)"
  log "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The Python source package. README code blocks are TypeScript: rosetta translates them to Python for the
# package's documentation (its long description and the module's docstring).
npx --no-install jsii-pacmak --target python --code-only --no-npmignore --rosetta-unknown-snippets translate \
  --outdir "$work" >&2
[ -f "$work/python/setup.py" ] || die "jsii-pacmak wrote no Python package into $work/python"

rm -rf "$OUT"
mkdir -p "$OUT"
# --no-build-isolation: use Debian's setuptools, not the setuptools~=75.3.2 that pyproject.toml asks for;
# --no-index and --no-deps: nothing is fetched (the runtime dependencies are installed with the wheel, elsewhere).
PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 \
  "$PYTHON" -m pip wheel --quiet --no-build-isolation --no-index --no-deps --wheel-dir "$OUT" "$work/python" >&2

wheel=$(find "$OUT" -maxdepth 1 -name '*.whl' -print)
[ -n "$wheel" ] || die "pip wrote no wheel into $OUT"
log "$wheel ($(du -k "$wheel" | cut -f1) KiB) in $(( $(date +%s) - started ))s"
