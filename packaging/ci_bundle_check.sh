#!/usr/bin/env bash
# Builds the bundle for this OS once, then starts it with --self-test (tests/packaging):
# a resource missing from the bundle fails CI. Prints the bundle size and timings.
# Run inside the project's venv:  bash packaging/ci_bundle_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python -c "import PyInstaller" 2>/dev/null || python -m pip install -q -e ".[package]"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python packaging/build.py --dist "$out/dist" --work "$out/work" --self-test
SENTINEL_BUNDLE="$out/dist" python -m pytest -q -s -p no:cacheprovider tests/packaging
