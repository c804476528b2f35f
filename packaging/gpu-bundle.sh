#!/bin/bash
# Packs the headless build (lqs and the test binaries) with the libraries a bare GPU machine lacks,
# the reference data and the acceptance script into .gpu/, for packaging/gpu-check.sh there.
# Usage: packaging/gpu-bundle.sh [BUILD_DIR]   (default build/headless: cmake --preset headless)
# LQS_BASELINE=OTHER_BUILD_DIR adds that build's lqs as bin/lqs_old, timed beside this one by
# gpu-check.sh's `setup` section (same libraries: build it from an earlier commit, same preset).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/headless}
rm -rf .gpu
bash ../shared/tools/bundle-headless.sh .gpu "$build/app/lqs" "$build"/tests/*_tests "$build"/tests/lqs_*_bench
mkdir -p .gpu/tools
cp tests/data/refs -r .gpu/refs
cp ../shared/tools/acceptance.sh ../shared/tools/compare.py ../shared/tools/nanopyx_job.py .gpu/tools/
cp packaging/gpu-check.sh .gpu/
cp packaging/nanopyx_file_job.py .gpu/tools/
if [[ -n ${LQS_BASELINE:-} ]]; then cp -L "$LQS_BASELINE/app/lqs" .gpu/bin/lqs_old; fi
du -sh .gpu | awk '{print "bundle with baseline: " $1}'
