#!/bin/bash
# Packs the headless build (lqs and the test binaries) with the libraries a bare GPU machine lacks,
# the reference data and the acceptance script into .gpu/, for packaging/gpu-check.sh there.
# Usage: packaging/gpu-bundle.sh [BUILD_DIR]   (default build/headless: cmake --preset headless)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/headless}
rm -rf .gpu
bash ../shared/tools/bundle-headless.sh .gpu "$build/app/lqs" "$build"/tests/*_tests "$build"/tests/lqs_*_bench
mkdir -p .gpu/tools
cp tests/data/refs -r .gpu/refs
cp ../shared/tools/acceptance.sh ../shared/tools/compare.py .gpu/tools/
cp packaging/gpu-check.sh .gpu/
