#!/bin/bash
# The README's test command: installs what is missing, builds everything (release preset, GUI
# included when Qt/VTK are present) and runs the whole CTest suite in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
# ccache keys on paths relative to the checkout, so a fresh clone reuses earlier compilations
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
start=$(date +%s)
cmake --preset release >/dev/null
cmake --build --preset release
echo "build: $(($(date +%s) - start)) s"
ctest --preset release --parallel "$(nproc)"
